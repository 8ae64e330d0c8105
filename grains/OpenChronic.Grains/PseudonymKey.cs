using OpenChronic.Domain.Privacy;

namespace OpenChronic.Grains;

/// <summary>
/// The secret under which patient grain keys are derived from <c>BEN_IDT_ANO</c> (silo configuration
/// <c>OpenChronic:PseudonymKey</c>). The same key must be used by every silo and every build of one database.
/// </summary>
public sealed class PseudonymKey(KeyedPseudonym pseudonym)
{
    public KeyedPseudonym Pseudonym { get; } = pseudonym;
}
