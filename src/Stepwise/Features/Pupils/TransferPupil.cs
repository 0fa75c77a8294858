using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.Pupils;

/// <summary>A pupil to move onto a school's roll, by UPN (the school that receives them knows it), and the confirmation.</summary>
public sealed record TransferInput
{
    public string? Upn { get; init; }
    public bool Confirm { get; init; }
}

/// <summary>
/// Moves a pupil from another school's roll in the trust onto this one's (ADR 0074): the only way a pupil changes
/// school, since an import never moves one. Confirmed by someone who may edit the pupils of both schools, and audited
/// with the pupil's key, both schools and who did it. The roll moves; what the first school recorded stays its own.
/// </summary>
public sealed class TransferPupil(AppDbContext db, AccessControl access, TrustScope scope, TimeProvider clock)
{
    public async Task<Outcome<PupilDetails>> HandleAsync(int urn, TransferInput input, CancellationToken ct)
    {
        var to = await access.FindSchoolAsync(urn, ct);
        if (to is null)
        {
            return Outcome<PupilDetails>.NotFound();
        }
        if (!await access.CanAsync(Permission.EditPupils, to.Id, ct))
        {
            return Outcome<PupilDetails>.Forbidden();
        }
        var problems = new Problems();
        if (!PupilKey.IsWellFormedUpn(input.Upn ?? ""))
        {
            return Outcome<PupilDetails>.Invalid(problems.Add("upn", string.IsNullOrWhiteSpace(input.Upn)
                ? "Enter the pupil's UPN."
                : "A UPN is a letter, 11 digits and a final digit or letter, like A12345678901B."));
        }
        var secret = await db.Trusts.Where(t => t.Id == to.TrustId).Select(t => t.PseudonymSecret).SingleAsync(ct);
        var key = PupilKey.FromUpn(input.Upn!, secret);
        var pupil = await db.Pupils.Include(p => p.Characteristics).FirstOrDefaultAsync(p => p.Key == key, ct);
        if (pupil is null)
        {
            return Outcome<PupilDetails>.Invalid(problems.Add("upn", "No pupil with this UPN is on a roll in your trust: add them as a new pupil instead."));
        }
        if (pupil.SchoolId == to.Id)
        {
            return Outcome<PupilDetails>.Invalid(problems.Add("upn", $"This pupil is already on the roll of {to.Name}."));
        }
        var from = await db.Schools.FirstAsync(s => s.Id == pupil.SchoolId, ct);
        if (!await access.CanAsync(Permission.EditPupils, from.Id, ct))
        {
            // The other school is not named: the person asking may not see it.
            return Outcome<PupilDetails>.Invalid(problems.Add("upn",
                "This pupil is on the roll of another school in your trust. Only someone who may edit the pupils of both schools (a trust leader or data manager) can transfer them."));
        }
        if (!input.Confirm)
        {
            return Outcome<PupilDetails>.Invalid(problems.Add("confirm",
                $"This pupil is on the roll of {from.Name} ({from.Urn}). Confirm that they move to {to.Name}: {from.Name} keeps what it recorded, and {to.Name} starts their record afresh."));
        }
        var today = clock.Today();
        pupil.TransferTo(to.Id, today);
        db.Audit(to.TrustId, "Transferred", nameof(Pupil), pupil.Key,
            $"Pupil {pupil.Key} transferred from {from.Name} ({from.Urn}) to {to.Name} ({to.Urn}) by {scope.Actor}, from {today:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return Outcome<PupilDetails>.Ok(PupilDetails.From(pupil, to.Urn, today));
    }
}
