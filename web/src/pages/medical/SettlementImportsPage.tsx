export default function SettlementImportsPage() {
  return null;
}
