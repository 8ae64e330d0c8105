using OpenChronic.Domain.Pathways;
using OpenChronic.Domain.Snds;
using OpenChronic.Ingestion.Tables;
using OpenChronic.Ingestion.Validation;

namespace OpenChronic.Ingestion.Build;

/// <summary>DCIR: ER_PRS_F lines, the filters and the events of each kept line.</summary>
public sealed partial class UnitReader
{
    /// <summary>Days a care date may follow its flux date before the line is rejected as out of range (care is billed after it is given).</summary>
    private const int MaxCareAfterFlux = 366;

    private void ReadClaims(ExtractFile file, SndsReadBatch read, Scratch scratch)
    {
        var acc = scratch.Accumulator;
        var ete = scratch.Establishments;
        var details = scratch.Details;
        var seen = scratch.SeenClaims;
        var batch = read.Batch;
        var label = file.TableLabel;
        var keys = new KeyTuple(SndsCatalogue.DcirKeys, batch.Schema);
        keys.Bind(batch);
        var nir = Cells.Column(batch, "BEN_NIR_PSA");
        var rank = Cells.Column(batch, "BEN_RNG_GEM");
        var care = Cells.Column(batch, "EXE_SOI_DTD");
        var flux = Cells.Column(batch, "FLX_DIS_DTD");
        var dpn = Cells.Column(batch, "DPN_QLF");
        var dpnP = Cells.Column(batch, "PRS_DPN_QLP");
        var maj = Cells.Column(batch, "CPL_MAJ_TOP");
        var baseNature = Cells.Column(batch, "BSE_PRS_NAT");
        var nature = Cells.Column(batch, "PRS_NAT_REF");
        var specialty = Cells.Column(batch, "PSE_SPE_COD");
        var executor = Cells.Column(batch, "PFS_EXE_NUM");
        var exo = Cells.Column(batch, "EXO_MTF");
        var quantity = Cells.Column(batch, "PRS_ACT_QTE");
        var declaredGp = Cells.Column(batch, "PRS_MTT_NUM");
        for (var row = 0; row < batch.Length; row++)
        {
            var at = read.RowNumbers[row];
            if (!keys.IsComplete || keys.MissingPart(row) is not null)
            {
                acc.Reject(label, file.RelativePath, at, "DCT_ORD_NUM", "missing DCIR key");
                continue;
            }

            var hash = keys.Hash(row);
            if (!seen.Add(hash))
            {
                acc.Reject(label, file.RelativePath, at, "DCT_ORD_NUM", "duplicate DCIR key (a second ER_PRS_F line with the same nine keys)");
                continue;
            }

            var hasEte = ete.Remove(hash, out var establishment);
            var lineDetails = scratch.DetailsByKey.Remove(hash, out var chain) ? chain.First : -1;
            // Malformed lines are rejected before any filter applies, so that every planted defect is located.
            string? reject = null;
            string? rejectColumn = null;
            if (!Cells.TryDay(care, row, out var day))
            {
                (reject, rejectColumn) = ("missing care date", "EXE_SOI_DTD");
            }
            else if (Cells.TryDay(flux, row, out var fluxDay) && day > fluxDay + MaxCareAfterFlux)
            {
                (reject, rejectColumn) = ("care date more than a year after the flux date", "EXE_SOI_DTD");
            }

            string? filter = reject is not null ? null
                : Cells.Long(dpn, row) == 71 || Cells.Long(dpnP, row) == 71 ? Information
                : Cells.Long(maj, row) >= 2 ? Majoration
                : baseNature is not null && Cells.TryLong(baseNature, row, out var bse) && bse == 0 ? NoNature
                : hasEte && establishment.Taa == 1 ? PublicHospital
                : null;
            var person = -1;
            if (filter is null && reject is null)
            {
                var resolution = _persons.ResolveDcir(Cells.Bytes(nir, row), Cells.Long(rank, row, 1), out person);
                if (resolution == PersonResolution.Fictitious)
                {
                    filter = FictitiousNir;
                }
                else if (resolution != PersonResolution.Resolved)
                {
                    (reject, rejectColumn) = ("unknown person (BEN_NIR_PSA + BEN_RNG_GEM not in IR_BEN_R)", "BEN_NIR_PSA");
                }
            }

            if (filter is not null)
            {
                acc.Table(label).Filter(filter);
                Settle(lineDetails, scratch, hasEte ? establishment : null, filter, null);
                continue;
            }

            if (reject is not null)
            {
                acc.Reject(label, file.RelativePath, at, rejectColumn, reject);
                Settle(lineDetails, scratch, hasEte ? establishment : null, null, "its ER_PRS_F line was rejected");
                continue;
            }

            acc.Table(label).Kept++;
            var traits = hasEte ? CareEventTraits.Hospital : CareEventTraits.None;
            if (Cells.Long(exo, row) is 42 or 44 or 46)
            {
                traits |= CareEventTraits.AldRelated;
            }

            acc.Declare(person, day, DeclaredGp(Cells.Bytes(declaredGp, row)));
            var spe = (short)Math.Clamp(Cells.Long(specialty, row), 0, short.MaxValue);
            if (lineDetails < 0)
            {
                acc.Add(person, new CareEvent(day, day, CareEventKind.Consultation, traits, spe,
                    PackNumber(Cells.Long(nature, row)), Cells.Pack(Cells.Bytes(executor, row)), Cells.Float(quantity, row)));
            }
            else
            {
                for (var i = lineDetails; i >= 0; i = scratch.NextDetail[i])
                {
                    var d = details[i];
                    acc.Table(scratch.Sources[d.Source].Label).Kept++;
                    acc.Add(person, new CareEvent(day, day, d.Kind, traits | d.Traits, spe, d.Code, d.Id, d.Value));
                }
            }

            if (hasEte)
            {
                acc.Table(scratch.Sources[establishment.Source].Label).Kept++;
            }
        }
    }

    /// <summary>
    /// The declared <i>médecin traitant</i> (PRS_MTT_NUM) packed as the executing professional (PFS_EXE_NUM) is:
    /// the first 8 characters, the Assurance Maladie number that identifies the professional (DA_PRA_R.PFS_PFS_NUM,
    /// 8 characters), without the ninth, a check key; so that the declared GP and the GP seen compare equal when they
    /// are the same person. 0 when empty or all zeros (no declaration).
    /// </summary>
    private static ulong DeclaredGp(ReadOnlySpan<byte> number) =>
        number.IndexOfAnyExcept((byte)'0') < 0 ? 0 : Cells.Pack(number);

    /// <summary>Counts the detail and establishment lines of a filtered or rejected claim line like the line.</summary>
    private static void Settle(int lineDetails, Scratch scratch, (long Taa, int Source, long Row)? ete, string? filter, string? reject)
    {
        for (var i = lineDetails; i >= 0; i = scratch.NextDetail[i])
        {
            var d = scratch.Details[i];
            var (label, file) = scratch.Sources[d.Source];
            Settle(label, file, d.Row, scratch.Accumulator, filter, reject);
        }

        if (ete is { } e)
        {
            var (label, file) = scratch.Sources[e.Source];
            Settle(label, file, e.Row, scratch.Accumulator, filter, reject);
        }
    }

    private static void Settle(string label, string file, long row, UnitAccumulator acc, string? filter, string? reject)
    {
        if (filter is not null)
        {
            acc.Table(label).Filter(filter);
        }
        else
        {
            acc.Reject(label, file, row, "DCT_ORD_NUM", reject!);
        }
    }
}
