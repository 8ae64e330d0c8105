using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Validation;

namespace OpenChronic.Ingestion.Build;

/// <summary>DCIR: ER_PRS_F ⋈ ER_PHA_F/ER_BIO_F/ER_CAM_F/ER_ETE_F on the nine keys, within the flux month.</summary>
public sealed partial class UnitReader
{
    private const string Information = "information line (DPN_QLF or PRS_DPN_QLP = 71)";
    private const string Majoration = "CPL_MAJ_TOP ≥ 2";
    private const string NoNature = "BSE_PRS_NAT = 0";
    private const string PublicHospital = "public hospital billed in PMSI (ETE_IND_TAA = 1)";
    private const string FictitiousNir = "fictitious NIR";

    private void ReadDcir(WorkUnit unit, Scratch scratch, CancellationToken cancellationToken)
    {
        var acc = scratch.Accumulator;
        var ete = scratch.Establishments;
        foreach (var file in unit.Files.Where(f => f.Name.Table.Name == "ER_ETE_F"))
        {
            var source = scratch.Source(file);
            foreach (var read in Batches(file, acc, cancellationToken))
            {
                var keys = new KeyTuple(SndsCatalogue.DcirKeys, read.Batch.Schema);
                keys.Bind(read.Batch);
                var taa = Cells.Column(read.Batch, "ETE_IND_TAA");
                for (var row = 0; row < read.Batch.Length; row++)
                {
                    if (!keys.IsComplete || keys.MissingPart(row) is { } missing)
                    {
                        acc.Reject(file.TableLabel, file.RelativePath, read.RowNumbers[row], "DCT_ORD_NUM", "missing DCIR key");
                    }
                    else if (!ete.TryAdd(keys.Hash(row), (Cells.Long(taa, row, -1), source, read.RowNumbers[row])))
                    {
                        acc.Reject(file.TableLabel, file.RelativePath, read.RowNumbers[row], "DCT_ORD_NUM", "duplicate establishment line");
                    }
                }
            }
        }

        foreach (var file in unit.Files.Where(f => f.Name.Table.Name is "ER_PHA_F" or "ER_BIO_F" or "ER_CAM_F"))
        {
            var source = scratch.Source(file);
            foreach (var read in Batches(file, acc, cancellationToken))
            {
                BufferDetails(file, source, read, scratch);
            }
        }

        foreach (var file in unit.Files.Where(f => f.Name.Table.Name == "ER_PRS_F"))
        {
            scratch.SeenClaims.Clear();
            foreach (var read in Batches(file, acc, cancellationToken))
            {
                ReadClaims(file, read, scratch);
            }
        }

        var details = scratch.Details;
        foreach (var (first, _) in scratch.DetailsByKey.Values)
        {
            for (var i = first; i >= 0; i = scratch.NextDetail[i])
            {
                var d = details[i];
                var (label, file) = scratch.Sources[d.Source];
                acc.Reject(label, file, d.Row, "DCT_ORD_NUM", "orphan detail line (no ER_PRS_F line with its keys)");
            }
        }

        foreach (var (_, source, row) in ete.Values)
        {
            var (label, file) = scratch.Sources[source];
            acc.Reject(label, file, row, "DCT_ORD_NUM", "orphan establishment line (no ER_PRS_F line with its keys)");
        }
    }

    private void BufferDetails(ExtractFile file, int source, Tables.SndsReadBatch read, Scratch scratch)
    {
        var acc = scratch.Accumulator;
        var batch = read.Batch;
        var keys = new KeyTuple(SndsCatalogue.DcirKeys, batch.Schema);
        keys.Bind(batch);
        var table = file.Name.Table.Name;
        var code = Cells.Column(batch, table switch { "ER_PHA_F" => "PHA_PRS_C13", "ER_BIO_F" => "BIO_PRS_IDE", _ => "CAM_PRS_IDE" });
        var quantity = Cells.Column(batch, table switch { "ER_PHA_F" => "PHA_ACT_QSN", "ER_BIO_F" => "BIO_ACT_QSN", _ => "CAM_ACT_QTE" });
        for (var row = 0; row < batch.Length; row++)
        {
            if (!keys.IsComplete || keys.MissingPart(row) is not null)
            {
                acc.Reject(file.TableLabel, file.RelativePath, read.RowNumbers[row], "DCT_ORD_NUM", "missing DCIR key");
                continue;
            }

            CareEventKind kind;
            ulong packed, detail = 0;
            var traits = CareEventTraits.None;
            var value = quantity is null ? 1f : Cells.Float(quantity, row);
            switch (table)
            {
                case "ER_PHA_F":
                    kind = CareEventKind.Dispensation;
                    var cip13 = Cells.Long(code, row);
                    detail = PackCip13(cip13);
                    packed = 0;
                    if (_drugs.TryGet(cip13, out var drug))
                    {
                        packed = PackedCode.TryPack(drug.Atc7, out var atc) ? atc : 0;
                        traits = drug.LargePack ? CareEventTraits.LargePack : CareEventTraits.None;
                    }

                    break;
                case "ER_BIO_F":
                    kind = CareEventKind.Biology;
                    packed = Cells.TryLong(code, row, out var nabm) ? PackNumber(nabm) : Cells.Pack(Cells.Bytes(code, row));
                    break;
                default:
                    kind = CareEventKind.Act;
                    packed = Cells.Pack(Cells.Bytes(code, row));
                    value = 1f;
                    break;
            }

            scratch.AddDetail(keys.Hash(row), new Detail(kind, traits, packed, detail, value, source, read.RowNumbers[row]));
        }
    }

    // The CIP13 as its digits (binary-coded decimal), so that the events table shows it; a raw number is not a PackedCode.
    private static ulong PackCip13(long cip13)
    {
        Span<char> digits = stackalloc char[20];
        return cip13 >= 0 && cip13.TryFormat(digits, out var n, default, System.Globalization.CultureInfo.InvariantCulture) && PackedCode.TryPack(digits[..n], out var packed)
            ? packed
            : 0;
    }

    private static ulong PackNumber(long number)
    {
        Span<byte> digits = stackalloc byte[20];
        return number.TryFormat(digits, out var n, default, System.Globalization.CultureInfo.InvariantCulture) ? Cells.Pack(digits[..n]) : 0;
    }

    /// <summary>A buffered ER_PHA_F / ER_BIO_F / ER_CAM_F line waiting for its ER_PRS_F line; <paramref name="Source"/> indexes <see cref="Scratch.Sources"/>.</summary>
    private readonly record struct Detail(CareEventKind Kind, CareEventTraits Traits, ulong Code, ulong Id, float Value, int Source, long Row);
}
