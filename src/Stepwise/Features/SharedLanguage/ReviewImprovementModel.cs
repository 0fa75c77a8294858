using Microsoft.EntityFrameworkCore;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;

namespace Stepwise.Features.SharedLanguage;

/// <summary>
/// Writes the next version of an improvement model (the first, or a review of the current one): the trust's by those
/// who write the shared language, a school's by those who edit its plans. Earlier versions are never changed.
/// </summary>
public sealed class ReviewImprovementModel(AppDbContext db, AccessControl access, TrustScope scope, TimeProvider clock)
{
    public sealed record Input
    {
        public string? Leadership { get; init; }
        public string? HowPupilsLearn { get; init; }
        public string? LeadersExpertise { get; init; }
        public string? IndividualLearning { get; init; }
        public string? TeamLearning { get; init; }
        public string? OrganisationalLearning { get; init; }
        public string? SharedLanguage { get; init; }
        public DateOnly? ReviewOn { get; init; }
        public string? ReviewNote { get; init; }

        public static Input From(ImprovementModel m) => new()
        {
            Leadership = m.Leadership, HowPupilsLearn = m.HowPupilsLearn, LeadersExpertise = m.LeadersExpertise,
            IndividualLearning = m.IndividualLearning, TeamLearning = m.TeamLearning, OrganisationalLearning = m.OrganisationalLearning,
            SharedLanguage = m.SharedLanguage, ReviewOn = m.ReviewOn,
        };
    }

    /// <summary>The sections with their JSON names and the words a form shows.</summary>
    public static readonly (string Field, string Label, string Hint)[] Sections =
    [
        ("leadership", "Leadership", "What we assume about leadership: who leads improvement, and how."),
        ("howPupilsLearn", "How pupils learn", "What we believe about how pupils learn, which teaching should follow."),
        ("leadersExpertise", "The expertise our leaders need", "What leaders need to know and be able to do to lead this improvement."),
        ("individualLearning", "How individuals learn", "How teachers and leaders get better one by one: coaching, feedback, practice."),
        ("teamLearning", "How teams learn", "How departments, phases and learning teams improve together: rounds, cycles of enquiry."),
        ("organisationalLearning", "How the organisation learns", "How what works spreads across the school or trust, and what stops."),
        ("sharedLanguage", "Our shared language", "What the shared language is for here; its terms are shown beside the model."),
    ];

    public async Task<Outcome<ImprovementModel>> HandleAsync(int? urn, Input input, CancellationToken ct)
    {
        int? schoolId = null;
        if (urn is int u)
        {
            var school = await access.FindSchoolAsync(u, ct);
            if (school is null)
            {
                return Outcome<ImprovementModel>.NotFound();
            }
            if (!await access.CanAsync(Permission.EditPlans, school.Id, ct))
            {
                return Outcome<ImprovementModel>.Forbidden();
            }
            schoolId = school.Id;
        }
        else if (!await access.CanAcrossTrustAsync(Permission.ManageSharedLanguage, ct))
        {
            return Outcome<ImprovementModel>.Forbidden();
        }

        var texts = new[]
        {
            input.Leadership, input.HowPupilsLearn, input.LeadersExpertise, input.IndividualLearning, input.TeamLearning,
            input.OrganisationalLearning, input.SharedLanguage,
        };
        var problems = new Problems();
        for (var i = 0; i < Sections.Length; i++)
        {
            problems.Optional(Sections[i].Field, texts[i], $"\"{Sections[i].Label}\" section", 4000);
        }
        problems.Optional("reviewNote", input.ReviewNote, "note on this review", 4000);
        if (texts.All(string.IsNullOrWhiteSpace))
        {
            problems.Add("leadership", "Write at least one section of the model.");
        }
        var today = clock.Today();
        if (input.ReviewOn is not DateOnly reviewOn)
        {
            problems.Add("reviewOn", "Give the date the model is next to be reviewed.");
        }
        else if (reviewOn <= today || reviewOn > today.AddYears(3))
        {
            problems.Add("reviewOn", $"The next review must be after today and within three years (by {Display(today.AddYears(3))}), not {Display(reviewOn)}.");
        }
        if (problems.Any)
        {
            return Outcome<ImprovementModel>.Invalid(problems);
        }

        var number = (await db.ImprovementModels.Where(m => m.SchoolId == schoolId).Select(m => (int?)m.Number).MaxAsync(ct) ?? 0) + 1;
        var model = new ImprovementModel
        {
            SchoolId = schoolId, Number = number,
            Leadership = Text.Clean(input.Leadership), HowPupilsLearn = Text.Clean(input.HowPupilsLearn),
            LeadersExpertise = Text.Clean(input.LeadersExpertise), IndividualLearning = Text.Clean(input.IndividualLearning),
            TeamLearning = Text.Clean(input.TeamLearning), OrganisationalLearning = Text.Clean(input.OrganisationalLearning),
            SharedLanguage = Text.Clean(input.SharedLanguage), ReviewOn = input.ReviewOn!.Value, ReviewNote = Text.Clean(input.ReviewNote),
            WrittenAt = clock.UtcNow(), PersonId = scope.PersonId, WrittenBy = scope.Actor,
        };
        db.ImprovementModels.Add(model);
        await db.SaveChangesAsync(ct);
        return Outcome<ImprovementModel>.Ok(model);
    }

    private static string Display(DateOnly date) => Stepwise.Features.Shared.Display.Date(date);
}
