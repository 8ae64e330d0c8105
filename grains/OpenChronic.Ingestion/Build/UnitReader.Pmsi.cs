using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Validation;

namespace OpenChronic.Ingestion.Build;

/// <summary>PMSI MCO: T_MCOaaB ⋈ T_MCOaaC on ETA_NUM + RSA_NUM; T_MCOaaD and T_MCOaaA attached to their stay.</summary>
public sealed partial class UnitReader
{
    private const string ErrorGhm = "GHM in error (GRG_GHM 90*)";
    private const string QualityFlag = "quality flag (T_MCOaaC *_RET ≠ 0)";
    private const string DummyNir = "dummy NIR_ANO_17";

    /// <summary>
    /// Same-sex twins born the same year and alive share NIR_ANO_17 and PMSI has no twin rank: the stay belongs to
    /// one of them and nothing in it says which (see <see cref="PersonDirectory.ResolvePmsi(ReadOnlySpan{byte}, long?, long?, int?, int?, out int)"/>).
    /// The stay and its lines are set aside, counted under this reason, rather than attributed at random.
    /// </summary>
    private const string AmbiguousTwins = "ambiguous twin link (same-sex twins share NIR_ANO_17; PMSI has no twin rank)";
    private static readonly string[] s_retFlags = ["NIR_RET", "SEJ_RET", "FHO_RET", "PMS_RET", "DAT_RET"];

    private void ReadPmsi(WorkUnit unit, UnitAccumulator acc, CancellationToken cancellationToken)
    {
        var stays = new List<Stay>();
        var byKey = new Dictionary<ulong, int>();
        foreach (var file in unit.Files.Where(f => f.Name.Table.Name == "T_MCOaaB"))
        {
            foreach (var read in Batches(file, acc, cancellationToken))
            {
                var b = read.Batch;
                var keys = new KeyTuple(SndsCatalogue.PmsiKeys, b.Schema);
                keys.Bind(b);
                var ghm = Cells.Column(b, "GRG_GHM");
                var dp = Cells.Column(b, "DGN_PAL");
                var dr = Cells.Column(b, "DGN_REL");
                var exit = Cells.Column(b, "SOR_MOD");
                var sex = Cells.Column(b, "COD_SEX");
                var age = Cells.Column(b, "AGE_ANN");
                var eta = Cells.Column(b, "ETA_NUM");
                for (var row = 0; row < b.Length; row++)
                {
                    if (!keys.IsComplete || keys.MissingPart(row) is not null)
                    {
                        acc.Reject(file.TableLabel, file.RelativePath, read.RowNumbers[row], "RSA_NUM", "missing stay key");
                        continue;
                    }

                    if (!byKey.TryAdd(keys.Hash(row), stays.Count))
                    {
                        acc.Reject(file.TableLabel, file.RelativePath, read.RowNumbers[row], "RSA_NUM", "duplicate stay key");
                        continue;
                    }

                    var ghmBytes = Cells.Bytes(ghm, row);
                    stays.Add(new Stay
                    {
                        Label = file.TableLabel,
                        File = file.RelativePath,
                        Row = read.RowNumbers[row],
                        Filter = ghmBytes.StartsWith("90"u8) ? ErrorGhm : null,
                        Ghm = Cells.Pack(ghmBytes),
                        Dp = Cells.PackIcd(Cells.Bytes(dp, row)),
                        Dr = Cells.PackIcd(Cells.Bytes(dr, row)),
                        Death = Cells.Long(exit, row) == 9,
                        Sex = Cells.TryLong(sex, row, out var s) && s is 1 or 2 ? s : null,
                        Age = Cells.TryLong(age, row, out var a) ? (int)Math.Clamp(a, 0, 150) : null,
                        Establishment = PackedCode.TryPack(System.Text.Encoding.ASCII.GetString(Cells.Bytes(eta, row)).Trim(), out var etaNum) ? etaNum : Cells.Pack(Cells.Bytes(eta, row)),
                        Person = -1,
                    });
                }
            }
        }

        foreach (var file in unit.Files.Where(f => f.Name.Table.Name == "T_MCOaaC"))
        {
            foreach (var read in Batches(file, acc, cancellationToken))
            {
                LinkStays(file, read, stays, byKey, acc);
            }
        }

        foreach (var stay in stays)
        {
            if (stay.Filter is { } reason)
            {
                acc.Table(stay.Label).Filter(reason);
            }
            else if (stay.Person >= 0)
            {
                acc.Table(stay.Label).Kept++;
            }
            else
            {
                acc.Reject(stay.Label, stay.File, stay.Row, "RSA_NUM", stay.Linked ? "its T_MCOaaC line was rejected" : "stay without T_MCOaaC patient link");
            }
        }

        foreach (var file in unit.Files.Where(f => f.Name.Table.Name is "T_MCOaaD" or "T_MCOaaA"))
        {
            var act = file.Name.Table.Name == "T_MCOaaA";
            foreach (var read in Batches(file, acc, cancellationToken))
            {
                var keys = new KeyTuple(SndsCatalogue.PmsiKeys, read.Batch.Schema);
                keys.Bind(read.Batch);
                var code = Cells.Column(read.Batch, act ? "CDC_ACT" : "ASS_DGN");
                for (var row = 0; row < read.Batch.Length; row++)
                {
                    var at = read.RowNumbers[row];
                    if (!keys.IsComplete || keys.MissingPart(row) is not null || !byKey.TryGetValue(keys.Hash(row), out var i))
                    {
                        acc.Reject(file.TableLabel, file.RelativePath, at, "RSA_NUM", "orphan line (no T_MCOaaB stay with its keys)");
                        continue;
                    }

                    var stay = stays[i];
                    if (stay.Filter is { } reason)
                    {
                        acc.Table(file.TableLabel).Filter(reason);
                    }
                    else if (stay.Person < 0)
                    {
                        acc.Reject(file.TableLabel, file.RelativePath, at, "RSA_NUM", "its stay was rejected");
                    }
                    else
                    {
                        acc.Table(file.TableLabel).Kept++;
                        acc.Add(stay.Person, act
                            ? new CareEvent(stay.Day, stay.Day, CareEventKind.Act, CareEventTraits.Hospital, 0, Cells.Pack(Cells.Bytes(code, row)), stay.Establishment, 1f)
                            : new CareEvent(stay.Day, stay.Day, CareEventKind.Diagnosis, CareEventTraits.Hospital | CareEventTraits.Associated, 0,
                                Cells.PackIcd(Cells.Bytes(code, row)), stay.Establishment, 0f));
                    }
                }
            }
        }

        foreach (var file in unit.Files.Where(f => f.Name.Table.Name == "T_MCOaaE"))
        {
            foreach (var read in Batches(file, acc, cancellationToken))
            {
                acc.Table(file.TableLabel).Kept += read.Batch.Length;
            }
        }
    }

    /// <summary>A T_MCOaaB stay buffered until its T_MCOaaC link and its diagnoses and acts are read.</summary>
    private sealed class Stay
    {
        public required string Label { get; init; }

        public required string File { get; init; }

        public long Row { get; init; }

        public string? Filter { get; set; }

        public ulong Ghm { get; init; }

        public ulong Dp { get; init; }

        public ulong Dr { get; init; }

        public bool Death { get; init; }

        public long? Sex { get; init; }

        public int? Age { get; init; }

        public ulong Establishment { get; init; }

        public bool Linked { get; set; }

        public int Person { get; set; }

        public int Day { get; set; }
    }
}
