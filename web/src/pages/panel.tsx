export function PanelPage(_props: Record<string, string>) {
  return <h1>PanelPage</h1>;
}
