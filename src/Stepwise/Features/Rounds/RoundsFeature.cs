namespace Stepwise.Features.Rounds;

/// <summary>Instructional rounds (C9): plan, take notes on a phone, debrief, and patterns across a school's rounds (ADR 0086).</summary>
public static class RoundsFeature
{
    public static IServiceCollection AddRounds(this IServiceCollection services) => services
        .AddScoped<RoundAccess>()
        .AddScoped<ReadRound>()
        .AddScoped<PlanRound>()
        .AddScoped<TakeNotes>()
        .AddScoped<DebriefRound>();
}
