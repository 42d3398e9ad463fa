export function TicketPage(_props: Record<string, string>) {
  return <h1>TicketPage</h1>;
}
