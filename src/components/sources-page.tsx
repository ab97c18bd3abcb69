/** Page « Sources et mentions » (placeholder until its issue lands). */
export default function SourcesPage() {
  return (
    <div className="text-page">
      <h1>Sources et mentions</h1>
      <p>Cette page est en cours de rédaction.</p>
    </div>
  );
}
