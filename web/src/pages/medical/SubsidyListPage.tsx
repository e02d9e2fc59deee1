export default function SubsidyListPage() {
  return null;
}
