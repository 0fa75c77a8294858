using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Data;
using Stepwise.Features.People;
using Stepwise.Features.Rounds;
using Stepwise.Features.Units;
using Stepwise.Tests.Infrastructure;

namespace Stepwise.Tests.Features.Rounds;

/// <summary>
/// Issue 20's structural non-attribution (ADR 0086), read from the EF model itself: the note and every entity type whose
/// rows hang off a note (found by foreign keys, so a new one is covered the day it is added) has no date or time, no key
/// to a person, unit, membership, observer or group, and no property named for staff, a class, a room, a period, a
/// lesson, a time or an author; and a note's writes are not audited row by row.
/// </summary>
public sealed partial class NotesHaveNoColumnForWhoWhereOrWhen(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly Type[] TimeTypes = [typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeOnly), typeof(TimeSpan)];

    private static readonly Type[] Identifying = [typeof(Person), typeof(Unit), typeof(Membership), typeof(RoundObserver), typeof(RoundGroup)];

    private static readonly HashSet<string> ForbiddenWords =
    [
        "staff", "class", "classroom", "room", "period", "lesson", "slot", "time", "timestamp", "date", "at", "on", "when", "created", "updated",
        "author", "observer", "observed", "writer", "written", "by", "person", "people", "user", "member", "membership", "unit", "name", "email",
    ];

    [GeneratedRegex("[A-Z]?[a-z]+|[A-Z]+(?![a-z])")]
    private static partial Regex Words();

    [Fact]
    public void Nothing_on_the_notes_side_of_the_model_can_say_who_wrote_a_note_or_which_teacher_class_room_or_time_it_came_from()
    {
        app.EnsureAvailable();
        var model = Model();
        var side = NotesSide(model);
        Assert.Contains(side, t => t.ClrType == typeof(RoundNoteTag));
        Assert.Contains(side, t => t.ClrType == typeof(RoundPatternNote));
        var problems = side.SelectMany(Problems).ToList();
        Assert.True(problems.Count == 0, "The notes' side of the model can identify someone:\n" + string.Join("\n", problems));
        Assert.Equal(typeof(Guid), model.FindEntityType(typeof(RoundNote))!.FindPrimaryKey()!.Properties.Single().ClrType);
        Assert.Equal(ValueGenerated.Never, model.FindEntityType(typeof(RoundNote))!.FindPrimaryKey()!.Properties.Single().ValueGenerated);
        Assert.False(typeof(IAudited).IsAssignableFrom(typeof(RoundNote)), "A note's writes must not be audited row by row: the log would say who wrote it and when.");
        Assert.False(typeof(IAudited).IsAssignableFrom(typeof(RoundNoteTag)), "A note's tags must not be audited row by row.");
    }

    [Fact]
    public void The_same_check_finds_the_observer_and_the_time_on_the_rounds_own_side()
    {
        app.EnsureAvailable();
        var model = Model();
        Assert.Contains(Problems(model.FindEntityType(typeof(RoundObserver))!), p => p.Contains("Person", StringComparison.Ordinal));
        Assert.Contains(Problems(model.FindEntityType(typeof(RoundNextStep))!), p => p.Contains("CreatedAt", StringComparison.Ordinal));
        Assert.Contains(Problems(model.FindEntityType(typeof(Round))!), p => p.Contains("HeldOn", StringComparison.Ordinal));
    }

    private IModel Model()
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
    }

    /// <summary>The note and every entity type with a foreign key to it, or to one that hangs off it.</summary>
    private static List<IEntityType> NotesSide(IModel model)
    {
        var side = new List<IEntityType> { model.FindEntityType(typeof(RoundNote))! };
        bool grew;
        do
        {
            var more = model.GetEntityTypes().Where(t => !side.Contains(t) && t.GetForeignKeys().Any(fk => side.Contains(fk.PrincipalEntityType))).ToList();
            side.AddRange(more);
            grew = more.Count > 0;
        }
        while (grew);
        return side;
    }

    private static IEnumerable<string> Problems(IEntityType type)
    {
        foreach (var property in type.GetProperties())
        {
            var clr = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (TimeTypes.Contains(clr))
            {
                yield return $"{type.ClrType.Name}.{property.Name} holds a date or time ({clr.Name}).";
            }
            var words = Words().Matches(property.Name).Select(m => m.Value.ToLowerInvariant()).ToList();
            if (words.FirstOrDefault(ForbiddenWords.Contains) is { } word)
            {
                yield return $"{type.ClrType.Name}.{property.Name} is named for \"{word}\".";
            }
        }
        foreach (var key in type.GetForeignKeys().Where(fk => Identifying.Contains(fk.PrincipalEntityType.ClrType)))
        {
            yield return $"{type.ClrType.Name} has a foreign key to {key.PrincipalEntityType.ClrType.Name} ({string.Join(", ", key.Properties.Select(p => p.Name))}).";
        }
    }
}
