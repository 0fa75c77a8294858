using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Shared;

namespace Stepwise.Features.Enquiries;

/// <summary>
/// The Act of a PDSA cycle: adopt, adapt or abandon, on a day no earlier than its start, once the study is recorded.
/// A decision can be corrected; once a later cycle follows it, it cannot be taken back (ADR 0085).
/// </summary>
public sealed class DecideCycle(AppDbContext db, EnquiryAccess access)
{
    public async Task<Outcome<PdsaCycle>> HandleAsync(int enquiryId, int cycleId, DecisionInput input, CancellationToken ct)
    {
        if (await access.ForEnquiryAsync(enquiryId, ct) is not var (enquiry, team))
        {
            return Outcome<PdsaCycle>.NotFound();
        }
        var cycle = await db.PdsaCycles.FirstOrDefaultAsync(c => c.Id == cycleId && c.EnquiryId == enquiry.Id, ct);
        if (cycle is null)
        {
            return Outcome<PdsaCycle>.NotFound();
        }
        if (!team.Edit)
        {
            return Outcome<PdsaCycle>.Forbidden();
        }
        var problems = new Problems().Optional("note", input.Note, "note on the decision", 2000);
        var later = await db.PdsaCycles.AsNoTracking().Where(c => c.PreviousCycleId == cycle.Id).OrderBy(c => c.Number).Select(c => (int?)c.Number).FirstOrDefaultAsync(ct);

        if (Text.Clean(input.Decision) is null)
        {
            if (later is int next)
            {
                problems.Add("decision", $"Cycle {next} follows this one, so its decision can be corrected but not taken back.");
                return Outcome<PdsaCycle>.Invalid(problems);
            }
            if (problems.Any)
            {
                return Outcome<PdsaCycle>.Invalid(problems);
            }
            cycle.Decision = null;
            cycle.DecidedOn = null;
            cycle.DecisionNote = null;
            await db.SaveChangesAsync(ct);
            return Outcome<PdsaCycle>.Ok(cycle);
        }

        if (!Codes.TryParse<CycleDecision>(input.Decision, out var decision))
        {
            problems.Add("decision", $"The decision must be one of {Codes.List<CycleDecision>()}: \"{input.Decision!.Trim()}\" is not.");
        }
        if (cycle.Study is null)
        {
            problems.Add("decision", "Record the study (the results set against the prediction) before the decision: the decision rests on it.");
        }
        if (input.DecidedOn is not DateOnly decidedOn)
        {
            problems.Add("decidedOn", "Enter the date the team decided.");
        }
        else if (decidedOn < cycle.StartsOn)
        {
            problems.Add("decidedOn", $"The decision cannot come before the cycle started ({Display.Date(cycle.StartsOn)}).");
        }
        if (problems.Any)
        {
            return Outcome<PdsaCycle>.Invalid(problems);
        }
        cycle.Decision = decision;
        cycle.DecidedOn = input.DecidedOn;
        cycle.DecisionNote = Text.Clean(input.Note);
        await db.SaveChangesAsync(ct);
        return Outcome<PdsaCycle>.Ok(cycle);
    }
}
