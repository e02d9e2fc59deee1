export default function ClaimsPage() {
  return null;
}
