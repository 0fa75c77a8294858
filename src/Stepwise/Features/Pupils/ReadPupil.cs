using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Pupils;

/// <summary>One pupil's record with their school, for a person who holds the permission; every read is in the audit log.</summary>
public sealed class ReadPupil(SavePupil pupils, AccessControl access, AppDbContext db, TimeProvider clock)
{
    public sealed record PupilRecord(Pupil Pupil, School School, PupilDetails Details);

    /// <param name="need">ViewPupils to read the record, EditPupils to read it for the edit form.</param>
    public async Task<Outcome<PupilRecord>> HandleAsync(string pupilKey, Permission need, CancellationToken ct)
    {
        if (await pupils.FindAsync(pupilKey, ct) is not var (pupil, school))
        {
            return Outcome<PupilRecord>.NotFound();
        }
        if (!await access.CanAsync(need, school.Id, ct))
        {
            return Outcome<PupilRecord>.Forbidden();
        }
        db.AuditRead(school.TrustId, "Pupil", pupil.Key, $"Viewed a pupil of {school.Name}");
        await db.SaveChangesAsync(ct);
        return Outcome<PupilRecord>.Ok(new PupilRecord(pupil, school, PupilDetails.From(pupil, school.Urn, clock.Today())));
    }
}
