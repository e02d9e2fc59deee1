export default function SubsidyListsPage() {
  return null;
}
