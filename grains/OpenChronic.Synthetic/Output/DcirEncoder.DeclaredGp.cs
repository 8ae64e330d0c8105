using OpenChronic.Synthetic.Model;

namespace OpenChronic.Synthetic.Output;

/// <summary>
/// <c>PRS_MTT_NUM</c>: the number of the person's declared <i>médecin traitant</i> on each of the person's ER_PRS_F
/// lines, as the SNDS repeats it on every claim line, or empty when the person has declared none at the care date.
/// </summary>
internal sealed partial class DcirEncoder
{
    /// <summary>Age from which the declaration share of adults applies (the adult <i>médecin traitant</i> scheme is for 16 and over).</summary>
    public const int AdultAge = 16;

    /// <summary>Share of persons aged 16 and over who have declared a <i>médecin traitant</i>.</summary>
    public const double AdultDeclaredShare = 0.9;

    /// <summary>Share of children under 16 with a declaration (optional for children since 2017, and seldom made).</summary>
    public const double ChildDeclaredShare = 0.3;

    /// <summary>
    /// The declared GP's number at <paramref name="date"/>, or null. The declared GP is the person's planted GP
    /// (<c>declared_gp</c> of the truth); whether the person declared one is a fixed per-person draw, independent of
    /// the encoder's random stream, compared with the share of the person's age group: a child who had declared keeps
    /// the declaration at 16, and a person with no declaration has empty <c>PRS_MTT_NUM</c> on every line.
    /// </summary>
    private string? DeclaredGp(PersonHistory h, DateOnly date)
    {
        var draw = (SynthRandom.Mix(_seed ^ SynthRandom.Mix(0x4D77UL ^ (ulong)h.Index)) >> 11) * (1.0 / (1UL << 53));
        var adult = AgeCode.Of(date, h.BirthYear, h.BirthMonth) is >= AdultAge and < 1000;
        return draw < (adult ? AdultDeclaredShare : ChildDeclaredShare) ? _world.Professionals[h.Gp].Id : null;
    }
}
