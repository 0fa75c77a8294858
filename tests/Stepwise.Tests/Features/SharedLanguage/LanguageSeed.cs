using Stepwise.Common;
using Stepwise.Features.SharedLanguage;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.SharedLanguage;

/// <summary>What <see cref="LanguageSeed"/> stored: the version and its items' ids by key.</summary>
public sealed record SeededLanguage(int VersionId, int Number, IReadOnlyDictionary<string, int> LookFors, IReadOnlyDictionary<string, int> Steps, IReadOnlyDictionary<string, int> Terms);

/// <summary>
/// A published shared language stored directly for a trust: the arrange step of the rounds and coaching tests, whose
/// subject is the round or the coaching, not how the language was written.
/// </summary>
public static class LanguageSeed
{
    public static readonly string[] LookForKeys = ["pupils-explain-reasoning", "open-questions", "wait-time", "task-demand", "pupil-to-pupil-talk", "teacher-models"];
    public static readonly string[] StepKeys = ["cold-call-after-think-pair-share", "narrate-the-positive", "check-for-understanding-with-whiteboards", "say-it-again-better"];
    public static readonly string[] TermKeys = ["cold-call", "think-pair-share", "low-inference"];

    /// <summary>Publishes the next version of the trust's language (the North trust unless <paramref name="trustId"/> says otherwise).</summary>
    public static Task<SeededLanguage> PublishedAsync(StepwiseApp app, int? trustId = null) =>
        app.QueryAsync(async db =>
        {
            var trust = trustId ?? app.World.North.Id;
            var number = db.LanguageVersions.Where(v => v.TrustId == trust).Select(v => (int?)v.Number).Max() ?? 0;
            var version = new LanguageVersion
            {
                TrustId = trust, Number = number + 1, Notes = "Seeded for a test", CreatedAt = app.Clock.UtcNow(),
                CreatedBy = "test", PublishedAt = app.Clock.UtcNow(),
            };
            var order = 0;
            foreach (var key in TermKeys)
            {
                version.Items.Add(new LanguageItem { TrustId = trust, Kind = LanguageItemKind.Term, Key = key, Name = Title(key), Order = order++ });
            }
            foreach (var key in LookForKeys)
            {
                version.Items.Add(new LanguageItem { TrustId = trust, Kind = LanguageItemKind.LookFor, Key = key, Name = Title(key), Category = "Talk", Order = order++ });
            }
            foreach (var key in StepKeys)
            {
                version.Items.Add(new LanguageItem
                {
                    TrustId = trust, Kind = LanguageItemKind.Step, Key = key, Name = Title(key), Category = "Questioning",
                    EefStrand = "Feedback", Order = order++,
                });
            }
            db.LanguageVersions.Add(version);
            await db.SaveChangesAsync();
            IReadOnlyDictionary<string, int> Of(LanguageItemKind kind) =>
                version.Items.Where(i => i.Kind == kind).ToDictionary(i => i.Key, i => i.Id);
            return new SeededLanguage(version.Id, version.Number, Of(LanguageItemKind.LookFor), Of(LanguageItemKind.Step), Of(LanguageItemKind.Term));
        });

    private static string Title(string key) => char.ToUpperInvariant(key[0]) + key[1..].Replace('-', ' ');
}
