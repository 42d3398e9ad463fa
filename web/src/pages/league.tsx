// Placeholder until the league table lands.
export function League() {
  return <h1>League</h1>;
}
