/** Page « Déclaration d’accessibilité » (placeholder until its issue lands). */
export default function AccessibilityPage() {
  return (
    <div className="text-page">
      <h1>Déclaration d’accessibilité</h1>
      <p>Cette page est en cours de rédaction.</p>
    </div>
  );
}
