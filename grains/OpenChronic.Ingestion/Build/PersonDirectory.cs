using System.Text;
using OpenChronic.Domain.Privacy;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Ingestion.Validation;

namespace OpenChronic.Ingestion.Build;

/// <summary>
/// Every person of IR_BEN_R, indexed 0..Count-1 by BEN_IDT_ANO (one person may have several BEN_NIR_PSA over time;
/// twins share a BEN_NIR_PSA with different BEN_RNG_GEM and are different persons). Patient keys are kept as 64-bit
/// hashes, not strings; BEN_IDT_ANO is kept only to derive pseudonyms and never leaves the directory.
/// </summary>
public sealed class PersonDirectory
{
    private readonly List<string> _ids = [];
    private readonly List<PersonInfo> _infos = [];
    private readonly Dictionary<string, int> _byIdt = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, int> _byNirRank = [];
    private readonly Dictionary<ulong, List<int>> _byNir = [];
    private readonly HashSet<ulong> _fictitious = [];
    private readonly Dictionary<string, long> _excluded = new(StringComparer.Ordinal);
    private readonly List<RejectedRow> _rejects = [];

    private PersonDirectory()
    {
    }

    public int Count => _ids.Count;

    /// <summary>IR_BEN_R rows set aside, by reason (fictitious NIR, missing key…).</summary>
    public IReadOnlyDictionary<string, long> Excluded => _excluded;

    /// <summary>IR_BEN_R rows the reader rejected or that had no usable key (identifier values masked).</summary>
    public IReadOnlyList<RejectedRow> Rejects => _rejects;

    /// <summary>IR_BEN_R rows read (accepted and rejected by the reader).</summary>
    public long SourceRows { get; private set; }

    public PersonInfo this[int person] => _infos[person];

    /// <summary>Reads every row of the IR_BEN_R files.</summary>
    public static PersonDirectory Load(IEnumerable<ExtractFile> irBenR, SndsReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(irBenR);
        var directory = new PersonDirectory();
        foreach (var file in irBenR)
        {
            using var reader = SndsTableReader.Open(file.Path, file.Name.Table, options);
            while (reader.ReadNext() is { } read)
            {
                using (read)
                {
                    directory.Add(file, read);
                }
            }
        }

        return directory;
    }

    /// <summary>The keyed pseudonym of a person (the grain key), derived from BEN_IDT_ANO.</summary>
    public Guid Pseudonym(int person, KeyedPseudonym pseudonym)
    {
        ArgumentNullException.ThrowIfNull(pseudonym);
        return pseudonym.Of(_ids[person]);
    }

    /// <summary>Resolves a DCIR or IR_IMB_R key (BEN_NIR_PSA + BEN_RNG_GEM).</summary>
    public bool TryResolveDcir(ReadOnlySpan<byte> nirPsa, long rank, out int person) =>
        ResolveDcir(nirPsa, rank, out person) == PersonResolution.Resolved;

    /// <summary>Resolves a DCIR or IR_IMB_R key, saying why it does not resolve.</summary>
    public PersonResolution ResolveDcir(ReadOnlySpan<byte> nirPsa, long rank, out int person)
    {
        person = -1;
        if (nirPsa.IsEmpty)
        {
            return PersonResolution.Dummy;
        }

        var nir = Cells.Hash(nirPsa);
        if (_byNirRank.TryGetValue(Combine(nir, rank), out person))
        {
            return PersonResolution.Resolved;
        }

        return _fictitious.Contains(nir) ? PersonResolution.Fictitious : PersonResolution.Unknown;
    }

    /// <summary>Resolves a PMSI NIR_ANO_17 without the admission day (see the overload).</summary>
    public PersonResolution ResolvePmsi(ReadOnlySpan<byte> nirAno17, long? rankHint, long? sexHint, int? birthYearHint, out int person) =>
        ResolvePmsi(nirAno17, rankHint, sexHint, birthYearHint, null, out person);

    /// <summary>
    /// Resolves a PMSI NIR_ANO_17 (linked to BEN_NIR_PSA; PMSI carries no BEN_RNG_GEM). A single person sharing it
    /// resolves. Twins (several BEN_IDT_ANO under one BEN_NIR_PSA) are told apart by what the stay carries: the rank
    /// (T_MCOaaC.RNG_BEN) when present, else the candidates compatible with the sex (T_MCOaaB.COD_SEX), the birth
    /// year (admission year − AGE_ANN, ±1) and being alive on the admission day (BEN_DCD_DTE). One compatible
    /// candidate resolves; otherwise the link is <see cref="PersonResolution.Ambiguous"/>: same-sex twins born the
    /// same year and both alive cannot be told apart from PMSI data, which is a limit of the SNDS linkage, not an error.
    /// </summary>
    public PersonResolution ResolvePmsi(ReadOnlySpan<byte> nirAno17, long? rankHint, long? sexHint, int? birthYearHint, int? admissionDay, out int person)
    {
        person = -1;
        if (nirAno17.IsEmpty || IsDummy(nirAno17))
        {
            return PersonResolution.Dummy;
        }

        var nir = Cells.Hash(nirAno17);
        if (rankHint is { } rank && _byNirRank.TryGetValue(Combine(nir, rank), out person))
        {
            return PersonResolution.Resolved;
        }

        if (!_byNir.TryGetValue(nir, out var candidates))
        {
            return _fictitious.Contains(nir) ? PersonResolution.Fictitious : PersonResolution.Unknown;
        }

        if (candidates.Count == 1)
        {
            person = candidates[0];
            return PersonResolution.Resolved;
        }

        var pick = -1;
        var matches = 0;
        foreach (var c in candidates)
        {
            var info = _infos[c];
            if ((sexHint is null || info.Sex == sexHint)
                && (birthYearHint is null || Math.Abs(info.BirthYear - birthYearHint.Value) <= 1)
                && (admissionDay is null || info.DeathDay is not { } death || death >= admissionDay.Value))
            {
                pick = c;
                matches++;
            }
        }

        person = matches == 1 ? pick : -1;
        return matches == 1 ? PersonResolution.Resolved : PersonResolution.Ambiguous;
    }

    /// <summary>Resolves a BEN_IDT_ANO (KI_CCI_R, KI_ECD_R).</summary>
    public bool TryResolveIdt(ReadOnlySpan<byte> benIdtAno, out int person)
    {
        person = -1;
        if (benIdtAno.IsEmpty || benIdtAno.Length > 64)
        {
            return false;
        }

        Span<char> chars = stackalloc char[benIdtAno.Length];
        var n = Encoding.ASCII.GetChars(benIdtAno, chars);
        return _byIdt.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars[..n], out person);
    }

    private static bool IsDummy(ReadOnlySpan<byte> nir) =>
        nir.SequenceEqual("xxxxxxxxxxxxxxxxx"u8) || nir.SequenceEqual("XXXXXXXXXXXXXXXXD"u8);

    private static ulong Combine(ulong nir, long rank) => unchecked((nir * 0x9E3779B97F4A7C15UL) ^ (ulong)rank);

    private void Add(ExtractFile file, SndsReadBatch read)
    {
        SourceRows += read.Batch.Length + read.Rejects.Count;
        foreach (var r in read.Rejects)
        {
            _rejects.Add(Masking.Mask(r));
        }

        var batch = read.Batch;
        var nirs = Cells.Column(batch, "BEN_NIR_PSA");
        var ranks = Cells.Column(batch, "BEN_RNG_GEM");
        var idts = Cells.Column(batch, "BEN_IDT_ANO");
        var cdi = Cells.Column(batch, "BEN_CDI_NIR");
        var sex = Cells.Column(batch, "BEN_SEX_COD");
        var year = Cells.Column(batch, "BEN_NAI_ANN");
        var month = Cells.Column(batch, "BEN_NAI_MOI");
        var dpt = Cells.Column(batch, "BEN_RES_DPT");
        var com = Cells.Column(batch, "BEN_RES_COM");
        var death = Cells.Column(batch, "BEN_DCD_DTE");
        for (var row = 0; row < batch.Length; row++)
        {
            var nirBytes = Cells.Bytes(nirs, row);
            var idtBytes = Cells.Bytes(idts, row);
            if (nirBytes.IsEmpty || idtBytes.IsEmpty)
            {
                _rejects.Add(new RejectedRow(file.RelativePath, read.RowNumbers[row], nirBytes.IsEmpty ? "BEN_NIR_PSA" : "BEN_IDT_ANO", "missing person key", null));
                continue;
            }

            var nir = Cells.Hash(nirBytes);
            var quality = Cells.Bytes(cdi, row);
            if (!quality.IsEmpty && !quality.SequenceEqual("00"u8))
            {
                _fictitious.Add(nir);
                Exclude("fictitious NIR (BEN_CDI_NIR ≠ 00)");
                continue;
            }

            var idt = Encoding.ASCII.GetString(idtBytes);
            if (!_byIdt.TryGetValue(idt, out var person))
            {
                person = _ids.Count;
                _byIdt.Add(idt, person);
                _ids.Add(idt);
                _infos.Add(default);
            }

            var monthValue = Cells.TryDay(month, row, out var m) ? DateOnly.FromDayNumber(m).Month : Cells.Long(month, row);
            var deathDay = Cells.TryDay(death, row, out var d) ? d : (int?)null;
            var previous = _infos[person];
            _infos[person] = new PersonInfo(
                (byte)Math.Clamp(Cells.Long(sex, row, previous.Sex), 0, 9),
                (short)Math.Clamp(Cells.Long(year, row, previous.BirthYear), 0, 9999),
                (byte)Math.Clamp(monthValue == 0 ? previous.BirthMonth : monthValue, 0, 12),
                Text(dpt, row, previous.Departement),
                Text(com, row, previous.Commune),
                deathDay ?? previous.DeathDay);
            var rank = Cells.Long(ranks, row, 1);
            if (_byNirRank.TryAdd(Combine(nir, rank), person))
            {
                if (!_byNir.TryGetValue(nir, out var list))
                {
                    list = [];
                    _byNir.Add(nir, list);
                }

                list.Add(person);
            }
            else if (_byNirRank[Combine(nir, rank)] != person)
            {
                Exclude("BEN_NIR_PSA + BEN_RNG_GEM of another person");
            }
        }
    }

    private static string Text(Apache.Arrow.IArrowArray? array, int row, string? previous)
    {
        var bytes = Cells.Bytes(array, row);
        return bytes.IsEmpty ? previous ?? "" : Encoding.ASCII.GetString(bytes);
    }

    private void Exclude(string reason) => _excluded[reason] = _excluded.GetValueOrDefault(reason) + 1;
}
