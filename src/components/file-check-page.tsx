/** Page « Vérifier un fichier d’adresses » (placeholder until its issue lands). */
export default function FileCheckPage() {
  return (
    <div className="text-page">
      <h1>Vérifier un fichier d’adresses</h1>
      <p>Cette page est en cours de rédaction.</p>
    </div>
  );
}
