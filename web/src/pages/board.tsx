// Placeholder until the board lands.
export function Board() {
  return <h1>Board</h1>;
}
