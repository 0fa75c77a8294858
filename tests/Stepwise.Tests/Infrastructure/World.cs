using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Common;
using Stepwise.Data;
using Stepwise.Features.Access;
using Stepwise.Features.People;
using Stepwise.Features.Pupils;
using Stepwise.Features.Schools;
using Stepwise.Features.Trusts;
using Stepwise.Features.Units;

namespace Stepwise.Tests.Infrastructure;

/// <summary>
/// Two trusts, seeded directly: North Star (two schools, someone in every role) and Harbour (one school).
/// Every account's password is <see cref="Password"/>.
/// </summary>
public sealed class World
{
    public const string Password = "correct horse battery staple";

    public const int NorthPrimaryUrn = 990101;
    public const int NorthSecondaryUrn = 990102;
    public const int HarbourUrn = 990201;

    public const string NorthAdmin = "admin@northstar.example";
    public const string NorthLeader = "director@northstar.example";
    public const string NorthDataManager = "data@northstar.example";
    public const string PrimaryHead = "head@primary.northstar.example";
    public const string SecondaryHead = "head@secondary.northstar.example";
    public const string PrimaryTeacher = "teacher@primary.northstar.example";
    public const string PrimaryGovernor = "governor@primary.northstar.example";
    public const string PrimaryReviewer = "reviewer@primary.northstar.example";
    public const string HarbourAdmin = "admin@harbour.example";
    public const string HarbourHead = "head@harbour.example";

    private readonly Dictionary<string, Person> _people = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, School> _schools = [];

    public Trust North { get; private set; } = null!;
    public Trust Harbour { get; private set; } = null!;
    public Dictionary<string, Unit> Units { get; } = [];

    /// <summary>The pupils' keys, by school URN.</summary>
    public Dictionary<int, List<string>> PupilKeys { get; } = [];

    public Person Person(string email) => _people[email];

    public School School(int urn) => _schools[urn];

    public static async Task<World> SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TrustScope>().ActAsSystem("test seed");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var hash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<Person>>().HashPassword(null!, Password);
        var world = new World();

        world.North = new Trust { Name = "North Star Learning Trust" };
        world.Harbour = new Trust { Name = "Harbour Schools Trust" };
        db.Trusts.AddRange(world.North, world.Harbour);
        await db.SaveChangesAsync();

        var primary = world.AddSchool(db, world.North, NorthPrimaryUrn, "Northgate Primary School", Phase.Primary, 412);
        var secondary = world.AddSchool(db, world.North, NorthSecondaryUrn, "Northgate Academy", Phase.Secondary, 1180);
        var harbour = world.AddSchool(db, world.Harbour, HarbourUrn, "Harbour Primary School", Phase.Primary, 260);
        await db.SaveChangesAsync();

        foreach (var (key, school, kind, name) in new[]
        {
            ("primary-whole", primary, UnitKind.WholeSchool, "Whole school"),
            ("primary-year6", primary, UnitKind.YearGroup, "Year 6"),
            ("secondary-whole", secondary, UnitKind.WholeSchool, "Whole school"),
            ("secondary-maths", secondary, UnitKind.Subject, "Maths"),
            ("harbour-whole", harbour, UnitKind.WholeSchool, "Whole school"),
            ("harbour-send", harbour, UnitKind.Area, "SEND"),
        })
        {
            var unit = new Unit { TrustId = school.TrustId, SchoolId = school.Id, Kind = kind, Name = name };
            world.Units[key] = unit;
            db.Units.Add(unit);
        }
        await db.SaveChangesAsync();

        var reviewEnds = scope.ServiceProvider.GetRequiredService<TimeProvider>().Today().AddDays(60);
        world.AddPerson(db, hash, world.North, NorthAdmin, "Alex Admin", Role.TrustAdmin, null);
        world.AddPerson(db, hash, world.North, NorthLeader, "Dana Director", Role.TrustLeader, null);
        world.AddPerson(db, hash, world.North, NorthDataManager, "Sam Data", Role.DataManager, null);
        world.AddPerson(db, hash, world.North, PrimaryHead, "Priya Head", Role.SchoolLeader, primary);
        world.AddPerson(db, hash, world.North, SecondaryHead, "Sean Head", Role.SchoolLeader, secondary);
        world.AddPerson(db, hash, world.North, PrimaryTeacher, "Tom Teacher", Role.Teacher, primary);
        world.AddPerson(db, hash, world.North, PrimaryGovernor, "Grace Governor", Role.Governor, primary);
        world.AddPerson(db, hash, world.North, PrimaryReviewer, "Rita Reviewer", Role.Reviewer, primary, reviewEnds);
        world.AddPerson(db, hash, world.Harbour, HarbourAdmin, "Harry Harbour", Role.TrustAdmin, null);
        world.AddPerson(db, hash, world.Harbour, HarbourHead, "Helen Head", Role.SchoolLeader, harbour);

        foreach (var (school, count) in new[] { (primary, 12), (secondary, 8), (harbour, 6) })
        {
            var secret = school.TrustId == world.North.Id ? world.North.PseudonymSecret : world.Harbour.PseudonymSecret;
            for (var i = 0; i < count; i++)
            {
                var pupil = new Pupil
                {
                    TrustId = school.TrustId,
                    SchoolId = school.Id,
                    Key = PupilKey.FromUpn($"A{school.Urn:D6}{i:D5}Z", secret),
                    YearGroup = school.Phase == Phase.Primary ? i % 7 : 7 + (i % 5),
                };
                pupil.Characteristics.Add(new PupilCharacteristic { TrustId = school.TrustId, SchoolId = school.Id, Kind = Characteristic.Disadvantaged, Value = i % 3 == 0 ? "yes" : "no", From = new DateOnly(2025, 9, 1) });
                db.Pupils.Add(pupil);
                (world.PupilKeys.TryGetValue(school.Urn, out var keys) ? keys : world.PupilKeys[school.Urn] = []).Add(pupil.Key);
            }
        }
        await db.SaveChangesAsync();
        return world;
    }

    private School AddSchool(AppDbContext db, Trust trust, int urn, string name, Phase phase, int pupils)
    {
        var school = new School { TrustId = trust.Id, Urn = urn, Name = name, Phase = phase, Pupils = pupils, PercentFreeSchoolMeals = 21.4, LocalAuthority = "Hampshire" };
        _schools[urn] = school;
        db.Schools.Add(school);
        return school;
    }

    private void AddPerson(AppDbContext db, string hash, Trust trust, string email, string name, Role role, School? school, DateOnly? endsOn = null)
    {
        var person = new Person
        {
            TrustId = trust.Id,
            Email = email,
            UserName = email,
            NormalizedEmail = email.ToUpperInvariant(),
            NormalizedUserName = email.ToUpperInvariant(),
            DisplayName = name,
            PasswordHash = hash,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            EmailConfirmed = true,
            LockoutEnabled = true,
        };
        person.Memberships.Add(new Membership { TrustId = trust.Id, Role = role, SchoolId = school?.Id, EndsOn = endsOn });
        _people[email] = person;
        db.Users.Add(person);
    }
}
