using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.Evidence;
using Stepwise.Features.Plans;

namespace Stepwise.Features.Enquiries;

/// <summary>
/// The trust's view of its enquiries (issue 19): every enquiry the reader may see with its team, school, aim, computed
/// progress score, cycles, latest decision and outcome reading (all from <see cref="ReadEnquiry.ListAsync"/>); the teams
/// that work across schools; and "what worked": the change ideas adopted, with their evidence, ready for the trust's
/// practice library. Governors and reviewers read the same list, without the cycles' study notes.
/// </summary>
public sealed class ReadTrustView(AppDbContext db, AccessControl access, EnquiryAccess enquiries, ReadEnquiry read, ReadTeams teams)
{
    /// <param name="Team">The team's name.</param>
    /// <param name="ProgressScore">The IHI progress score the evidence sets, 0.5 to 5.0 (ADR 0081).</param>
    /// <param name="ProgressWhy">Why the score is what it is.</param>
    /// <param name="ProgressNext">What would move it up; null at the top.</param>
    /// <param name="LatestDecision">The latest decided cycle's decision: adopt, adapt, abandon, or null before any.</param>
    /// <param name="OutcomeReading">The outcome measure's latest reading: improvement, concern, neutral, common or no-data.</param>
    public sealed record EnquiryRow(int Id, string Title, int TeamId, string Team, bool Network, int SchoolUrn, string SchoolName, string Aim,
        double ProgressScore, string ProgressLabel, string ProgressWhy, string? ProgressNext, int Cycles, CycleDecision? LatestDecision, string OutcomeReading,
        DateTime CreatedAt)
    {
        /// <summary>The outcome reading in the words every reading uses ("Improving", "No significant change").</summary>
        [System.Text.Json.Serialization.JsonIgnore]
        public string OutcomeWords => Codes.TryParse<Signal>(OutcomeReading, out var signal) ? new Reading(signal, "").SignalWords : OutcomeReading;
    }

    /// <param name="Study">The cycle's study of its results against the prediction; null for readers of summaries (governors, reviewers).</param>
    /// <param name="Evidence">How many pieces of evidence the cycle carries.</param>
    public sealed record WhatWorked(int CycleId, int CycleNumber, int EnquiryId, string Enquiry, string ChangeIdea, int TeamId, string Team, int SchoolUrn, string SchoolName,
        string Unit, DateOnly? AdoptedOn, string? Study, int Evidence);

    public sealed record SchoolChoice(int Urn, string Name);

    /// <param name="School">The school the list is filtered by, if any.</param>
    public sealed record TrustView(SchoolChoice? School, IReadOnlyList<SchoolChoice> Schools, IReadOnlyList<EnquiryRow> Enquiries,
        IReadOnlyList<ReadTeams.TeamRow> Networks, IReadOnlyList<WhatWorked> WhatWorked);

    /// <summary>The enquiries the reader may see, of one school when its URN is given; not found when that school is not theirs to see.</summary>
    public async Task<Outcome<List<EnquiryRow>>> EnquiriesAsync(int? urn, CancellationToken ct)
    {
        int? schoolId = null;
        if (urn is int u)
        {
            if (await access.FindSchoolAsync(u, ct) is not { } school)
            {
                return Outcome<List<EnquiryRow>>.NotFound();
            }
            schoolId = school.Id;
        }
        var list = await read.ListAsync(schoolId, null, ct);
        return Outcome<List<EnquiryRow>>.Ok(list.Select(Row).ToList());
    }

    public async Task<Outcome<TrustView>> ViewAsync(int? urn, CancellationToken ct)
    {
        var rows = await EnquiriesAsync(urn, ct);
        if (rows.Kind != OutcomeKind.Ok)
        {
            return Outcome<TrustView>.NotFound();
        }
        var schools = await (await access.SchoolsAsync(Permission.ViewSchool, ct)).Where(s => s.ArchivedAt == null).OrderBy(s => s.Name)
            .Select(s => new SchoolChoice(s.Urn, s.Name)).ToListAsync(ct);
        var networks = (await teams.ListAsync(ct)).Where(t => t.Network && !t.Archived).ToList();
        var worked = await WhatWorkedAsync(ct);
        var school = urn is int u ? schools.FirstOrDefault(s => s.Urn == u) : null;
        if (school is not null)
        {
            networks = networks.Where(t => t.Schools.Any(s => s.Urn == school.Urn)).ToList();
            worked = worked.Where(w => w.SchoolUrn == school.Urn).ToList();
        }
        return Outcome<TrustView>.Ok(new TrustView(school, schools, rows.Value!, networks, worked));
    }

    /// <summary>
    /// Every adopted change idea the reader may see (a cycle decided "adopt"), newest first, with its evidence count; the
    /// study only with detail. With <paramref name="wholeTrust"/> (the practice library) every team's, still without the
    /// study of a team the reader may not see.
    /// </summary>
    public async Task<List<WhatWorked>> WhatWorkedAsync(CancellationToken ct, bool wholeTrust = false)
    {
        var visible = wholeTrust ? db.LearningTeams : await enquiries.VisibleTeamsAsync(ct);
        var adopted = await db.PdsaCycles.AsNoTracking()
            .Where(c => c.Decision == CycleDecision.Adopt)
            .Join(db.Enquiries.Where(e => visible.Any(t => t.Id == e.TeamId)), c => c.EnquiryId, e => e.Id, (c, e) => new { Cycle = c, e.Title, e.TeamId })
            .Join(db.LearningTeams, x => x.TeamId, t => t.Id, (x, t) => new { x.Cycle, x.Title, x.TeamId, Team = t.Name })
            .Join(db.DriverNodes, x => x.Cycle.ChangeIdeaId, n => n.Id, (x, n) => new { x.Cycle, x.Title, x.TeamId, x.Team, Idea = n.Text })
            .Join(db.Units, x => x.Cycle.UnitId, u => u.Id, (x, u) => new { x.Cycle, x.Title, x.TeamId, x.Team, x.Idea, Unit = u.Name })
            .Join(db.Schools, x => x.Cycle.SchoolId, s => s.Id, (x, s) => new { x.Cycle, x.Title, x.TeamId, x.Team, x.Idea, x.Unit, s.Urn, School = s.Name })
            .ToListAsync(ct);
        var ids = adopted.Select(a => a.Cycle.Id).ToList();
        var evidence = await db.Evidence.AsNoTracking().Where(e => e.OwnerKind == EvidenceOwner.Cycle && ids.Contains(e.OwnerId))
            .GroupBy(e => e.OwnerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var detail = new Dictionary<int, bool>();
        foreach (var teamId in adopted.Select(a => a.TeamId).Distinct())
        {
            detail[teamId] = (await enquiries.ForTeamAsync(teamId, ct))?.Detail == true;
        }
        return adopted
            .OrderByDescending(a => a.Cycle.DecidedOn).ThenByDescending(a => a.Cycle.Id)
            .Select(a => new WhatWorked(a.Cycle.Id, a.Cycle.Number, a.Cycle.EnquiryId, a.Title, a.Idea, a.TeamId, a.Team, a.Urn, a.School, a.Unit, a.Cycle.DecidedOn,
                detail[a.TeamId] ? a.Cycle.Study : null, evidence.GetValueOrDefault(a.Cycle.Id)))
            .ToList();
    }

    private static EnquiryRow Row(EnquirySummary e) =>
        new(e.Id, e.Title, e.TeamId, e.TeamName, e.Network, e.SchoolUrn, e.SchoolName, e.Aim, e.Score.Score, e.Score.Label, e.Score.Why, e.Score.Next,
            e.Cycles, e.LatestDecision, e.OutcomeReading, e.CreatedAt);

    /// <summary>The list as CSV for a spreadsheet, through the one CSV writer (<see cref="PlanCsv"/>).</summary>
    public static byte[] Csv(IEnumerable<EnquiryRow> rows)
    {
        var csv = new PlanCsv();
        csv.Row("Enquiry", "Team", "Network", "School URN", "School", "Aim", "Progress score", "Progress", "Why", "Cycles", "Latest decision", "Outcome reading");
        foreach (var e in rows)
        {
            csv.Row(e.Title, e.Team, e.Network, e.SchoolUrn, e.SchoolName, e.Aim, e.ProgressScore, e.ProgressLabel, e.ProgressWhy, e.Cycles,
                e.LatestDecision is { } d ? Codes.Of(d) : null, e.OutcomeReading);
        }
        return csv.ToBytes();
    }
}
