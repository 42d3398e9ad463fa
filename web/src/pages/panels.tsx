export function Panels(_props: Record<string, string>) {
  return <h1>Panels</h1>;
}
