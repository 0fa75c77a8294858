using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Frameworks;
using Stepwise.Features.SchoolData;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Support;

/// <summary>
/// The demo trust's support between schools: two networks; capacities (Kestrelmead and Willowmere give one episode a
/// term and are at it this term, Larkhaven three); needs; and episodes in which every demo school gives in one area
/// and receives in another — one ended last term with its impact read from the receiver's data and recorded. And the
/// open need the end-to-end thread follows: Brackenmoor (a primary like Larkhaven, whose trust judgement of curriculum
/// and teaching needs attention) on the Reading expected-standard measure, for which Larkhaven (its "Reading fluency in
/// Year 3" change adopted, at the Sustain stage) is suggested. Dates are set relative to today's term.
/// </summary>
public static class DemoSupport
{
    public static async Task AddAsync(AppDbContext db, int trustId, Dictionary<int, School> schools, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var ofsted = await db.FrameworkVersions.Include(v => v.Areas)
            .Where(v => v.TrustId == trustId && db.Frameworks.Any(f => f.Id == v.FrameworkId && f.Key == FrameworkLibrary.Ofsted))
            .OrderByDescending(v => v.Number).FirstAsync(ct);
        int Area(string key) => ofsted.Areas.First(a => a.Key == key).Id;
        int Id(int urn) => schools[urn].Id;
        var (termStarts, termEnds) = SupportCapacities.TermOf(today);
        var (lastStarts, lastEnds) = SupportCapacities.TermOf(termStarts.AddDays(-1));
        var (thisFrom, thisTo) = (today.AddDays(-21) > termStarts ? today.AddDays(-21) : termStarts, termEnds.AddDays(-5) > today ? termEnds.AddDays(-5) : today.AddDays(28));
        var (lastFrom, lastTo) = (lastStarts.AddDays(7), lastEnds.AddDays(-7));

        var english = new Network { TrustId = trustId, Name = "English and reading network", Purpose = "English leads of the primary schools share what works in early reading and fluency.", CreatedAt = now.AddDays(-200), CreatedBy = "Helen Marsh" };
        var inclusion = new Network { TrustId = trustId, Name = "Inclusion and SEND network", Purpose = "SENCos and the special school share provision, plans and therapies.", CreatedAt = now.AddDays(-180), CreatedBy = "Helen Marsh" };
        db.Networks.AddRange(english, inclusion);
        await db.SaveChangesAsync(ct);
        db.NetworkSchools.AddRange(new[] { 990001, 990002, 990003, 990004 }.Select(u => new NetworkSchool { TrustId = trustId, NetworkId = english.Id, SchoolId = Id(u) }));
        db.NetworkSchools.AddRange(new[] { 990004, 990005, 990006 }.Select(u => new NetworkSchool { TrustId = trustId, NetworkId = inclusion.Id, SchoolId = Id(u) }));
        db.SupportCapacities.AddRange(
            new SupportCapacity { TrustId = trustId, SchoolId = Id(990001), EpisodesPerTerm = 3, Note = "The English lead has a day a week for trust work." },
            new SupportCapacity { TrustId = trustId, SchoolId = Id(990003), EpisodesPerTerm = 1, Note = "A large school with a new deputy: one episode a term." },
            new SupportCapacity { TrustId = trustId, SchoolId = Id(990006), EpisodesPerTerm = 1, Note = "Therapists' time is tight." });

        SupportNeed Need(int urn, string area, string? metric, string description, DateOnly raised, string by) => new()
        {
            TrustId = trustId, SchoolId = Id(urn), FrameworkAreaId = Area(area), MetricKey = metric, Description = description, Status = SupportNeedStatus.Open,
            RaisedOn = raised, RaisedBy = by, CreatedAt = raised.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
        };
        var reading = Need(990002, "curriculum-and-teaching", DeriveSchoolMetrics.Expected("Reading").Key,
            "Reading at the expected standard lags the other primaries, and the trust's judgement of curriculum and teaching is that it needs attention: pupils in Year 3 read haltingly. We want to see how another school got daily reading practice going.",
            today.AddDays(-6), "Marcus Reid");
        var achievement = Need(990002, "achievement", DeriveSchoolMetrics.Expected("Maths").Key,
            "Maths at the expected standard is below national; we want help with assessment and catch-up in key stage 2.", lastTo.AddDays(-10), "Marcus Reid");
        var send = Need(990001, "inclusion", null, "Adaptations in lessons vary from class to class; we want to learn from a school whose SEND plans are reviewed well.", lastTo, "Claire Dawson");
        db.SupportNeeds.AddRange(reading, achievement, send);
        await db.SaveChangesAsync(ct);

        SupportEpisode Episode(SupportNeed? need, int giver, int receiver, string area, string? metric, DateOnly from, DateOnly to, string people, string aims, Network? network,
            SupportEpisodeStatus status) => new()
        {
            TrustId = trustId, SupportNeedId = need?.Id, GiverSchoolId = Id(giver), ReceiverSchoolId = Id(receiver), FrameworkAreaId = Area(area), MetricKey = metric,
            StartsOn = from, EndsOn = to, People = people, Aims = aims, NetworkId = network?.Id, Status = status,
            AgreedAt = from.AddDays(-10).ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc), AgreedBy = "Helen Marsh",
        };
        var absence = Episode(null, 990001, 990003, "attendance-and-behaviour", DeriveSchoolMetrics.OverallAbsence.Key, lastFrom, lastTo,
            "Larkhaven's attendance officer with Kestrelmead's pastoral lead", "Set up Larkhaven's first-day calling and weekly attendance panel at Kestrelmead.", null,
            SupportEpisodeStatus.Ended);
        db.SupportEpisodes.AddRange(
            absence,
            Episode(null, 990003, 990006, "achievement", null, lastFrom, lastTo, "Kestrelmead's assessment lead with Willowmere's class teachers",
                "Moderate small-step assessment in English and maths.", null, SupportEpisodeStatus.Ended),
            Episode(achievement, 990003, 990002, "achievement", DeriveSchoolMetrics.Expected("Maths").Key, thisFrom, thisTo, "Kestrelmead's maths lead with Brackenmoor's Year 5 and 6 teachers",
                "Gap analysis after each assessment point and same-day catch-up.", null, SupportEpisodeStatus.Agreed),
            Episode(null, 990002, 990004, "personal-development-and-well-being", null, thisFrom, thisTo, "Brackenmoor's school council lead with St Wenna's Year 5 and 6",
                "Start a pupil leadership programme like Brackenmoor's play leaders, which its peer review confirmed as an area of excellence.", english, SupportEpisodeStatus.Agreed),
            Episode(send, 990004, 990001, "inclusion", null, thisFrom, thisTo, "St Wenna's SENCo with Larkhaven's SENCo and class teachers",
                "Termly plan reviews with families, and adaptations in lessons checked on learning walks.", null, SupportEpisodeStatus.Agreed),
            Episode(null, 990006, 990005, "personal-development-and-well-being", null, thisFrom, thisTo, "Willowmere's therapists with Larkhaven Academy's pastoral team",
                "Regulation and sensory strategies for pupils who struggle in busy corridors.", inclusion, SupportEpisodeStatus.Agreed),
            Episode(null, 990005, 990002, "leadership-and-governance", null, thisFrom, thisTo, "Larkhaven Academy's deputy headteacher with Brackenmoor's new middle leaders",
                "Coaching for middle leaders in leading their subjects.", null, SupportEpisodeStatus.Agreed));
        await db.SaveChangesAsync(ct);

        // The ended episode's impact, read from Kestrelmead's own absence figures as the page would read it.
        var read = await EpisodeImpact.ReadAsync(db, absence, ct);
        (absence.Impact, absence.ImpactSentence, absence.ImpactNote) = (read.Impact, read.Sentence,
            "Kestrelmead kept the weekly panel after the episode ended.");
        (absence.ImpactRecordedAt, absence.ImpactRecordedBy) = (now.AddDays(-2), "Helen Marsh");
        await db.SaveChangesAsync(ct);
    }
}
