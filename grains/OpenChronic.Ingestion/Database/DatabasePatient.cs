using OpenChronic.Domain.Pathways;

namespace OpenChronic.Ingestion.Database;

/// <summary>One patient of a built database as read back: pseudonymous key, demographics and sorted events.</summary>
/// <param name="Id">The pseudonymous key (the <c>patient_id</c> column).</param>
/// <param name="Sex">1 man, 2 woman, 0 unknown.</param>
/// <param name="BirthYear">Year of birth.</param>
/// <param name="BirthMonth">Month of birth, 0 when unknown.</param>
/// <param name="Departement">Département of residence.</param>
/// <param name="Commune">Commune of residence.</param>
/// <param name="Death">Date of death, or null.</param>
/// <param name="Events">The events, in timeline order.</param>
/// <param name="DeclaredGp">The declared médecin traitant's number (8 characters), "" when none.</param>
public sealed record DatabasePatient(Guid Id, int Sex, int BirthYear, int BirthMonth, string Departement, string Commune, DateOnly? Death, CareEvent[] Events, string DeclaredGp = "");
