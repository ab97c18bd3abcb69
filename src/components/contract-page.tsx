/** Page « Le Contrat de Ville et des Solidarités 2024-2030 » (placeholder until its issue lands). */
export default function ContractPage() {
  return (
    <div className="text-page">
      <h1>Le Contrat de Ville et des Solidarités 2024-2030</h1>
      <p>Cette page est en cours de rédaction.</p>
    </div>
  );
}
