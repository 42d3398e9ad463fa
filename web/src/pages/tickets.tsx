export function Tickets(_props: Record<string, string>) {
  return <h1>Tickets</h1>;
}
