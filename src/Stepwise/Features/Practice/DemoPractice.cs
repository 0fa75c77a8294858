using Microsoft.EntityFrameworkCore;
using Stepwise.Data;
using Stepwise.Features.Enquiries;
using Stepwise.Features.PeerReviews;
using Stepwise.Features.Schools;

namespace Stepwise.Features.Practice;

/// <summary>
/// The demo trust's practice library: resources shared by five schools and the trust (a guide, protocols, a scheme of
/// work), each on a framework area and most with EEF Toolkit strands; and strands tagged on the entries the earlier
/// demos made (Larkhaven's adopted paired reading, Brackenmoor's confirmed area of excellence). The library's other
/// entries come from those demos' records as they are: it needs none of them to load.
/// </summary>
public static class DemoPractice
{
    public static async Task AddAsync(AppDbContext db, int trustId, Dictionary<int, School> schools, DateTime now, CancellationToken ct)
    {
        SharedResource Resource(int? urn, ResourceKind kind, string title, string description, string url, string area, int daysAgo, string by) => new()
        {
            TrustId = trustId, SchoolId = urn is int u ? schools[u].Id : null, Kind = kind, Title = title, Description = description, Url = url, AreaKey = area,
            CreatedAt = now.AddDays(-daysAgo), CreatedBy = by,
        };
        var resources = new (SharedResource Resource, string[] Strands)[]
        {
            (Resource(990001, ResourceKind.Guide, "Paired reading after lunch: the Year 3 guidance",
                "How Year 3 pairs a stronger and a less confident reader for ten minutes after lunch: choosing pairs, the routine, what adults listen for, and the log that takes no extra time.",
                "https://drive.larkhaven.example/english/paired-reading-guidance", "curriculum-and-teaching", 4, "Sophie Brennan"), ["peer-tutoring", "reading-comprehension-strategies"]),
            (Resource(990002, ResourceKind.Protocol, "Play leaders: training and rota",
                "The six sessions Year 6 play leaders take before they run lunchtimes, the rota, and how they hand a dispute to an adult.",
                "https://drive.brackenmoor.example/pupil-leadership/play-leaders", "personal-development-and-well-being", 9, "Marcus Reid"), ["social-and-emotional-learning"]),
            (Resource(990003, ResourceKind.Protocol, "First-day absence calls and the week-by-week review",
                "Who rings home by 9:30 on the first day of absence, the script, and the Friday review of every pupil below 90 % attendance.",
                "https://drive.kestrelmead.example/attendance/first-day-protocol", "attendance-and-behaviour", 20, "Fiona Grant"), ["parental-engagement"]),
            (Resource(990005, ResourceKind.SchemeOfWork, "Key stage 3 reading: the Year 7 scheme of work",
                "Twelve weeks of whole-class reading with explicit comprehension strategies, the texts, and the fortnightly check of reading ages.",
                "https://drive.larkhavenacademy.example/english/ks3-reading-scheme", "curriculum-and-teaching", 30, "Emma Lloyd"), ["reading-comprehension-strategies", "metacognition-and-self-regulation"]),
            (Resource(990006, ResourceKind.Guide, "Calm classrooms: regulation routines",
                "The check-in, the calm corner and the scripts staff use, adapted for pupils with communication needs.",
                "https://drive.willowmere.example/behaviour/regulation-routines", "attendance-and-behaviour", 45, "Joanna Pike"), ["social-and-emotional-learning", "behaviour-interventions"]),
            (Resource(null, ResourceKind.Guide, "Running a PDSA cycle: the trust's one-page guide",
                "Question and prediction, the smallest useful test, what to record, and how to decide: adopt, adapt or abandon.",
                "/enquiries", "leadership-and-governance", 60, "Helen Marsh"), []),
        };
        db.SharedResources.AddRange(resources.Select(r => r.Resource));
        await db.SaveChangesAsync(ct);
        foreach (var (resource, strands) in resources)
        {
            db.PracticeTags.AddRange(strands.Select(s => new PracticeTag { TrustId = trustId, Source = PracticeSource.Resource, SourceId = resource.Id, Strand = s }));
        }

        // Strands on the entries the earlier demos made, where they are there.
        var paired = await db.PdsaCycles.Where(c => c.TrustId == trustId && c.Decision == CycleDecision.Adopt)
            .Join(db.DriverNodes.Where(n => n.Text == "Paired reading for ten minutes a day"), c => c.ChangeIdeaId, n => n.Id, (c, n) => c.Id).ToListAsync(ct);
        foreach (var cycle in paired)
        {
            db.PracticeTags.Add(new PracticeTag { TrustId = trustId, Source = PracticeSource.ChangeIdea, SourceId = cycle, Strand = "peer-tutoring" });
        }
        var excellence = await db.PeerReviews.Where(r => r.TrustId == trustId && r.Status == PeerReviewStatus.Completed && r.AreaOfExcellenceFinding != null).Select(r => r.Id).ToListAsync(ct);
        foreach (var review in excellence)
        {
            db.PracticeTags.Add(new PracticeTag { TrustId = trustId, Source = PracticeSource.AreaOfExcellence, SourceId = review, Strand = "social-and-emotional-learning" });
        }
        await db.SaveChangesAsync(ct);
    }
}
