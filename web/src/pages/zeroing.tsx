// Placeholder until the zeroing screen lands.
export function Zeroing() {
  return <h1>Zeroing</h1>;
}
