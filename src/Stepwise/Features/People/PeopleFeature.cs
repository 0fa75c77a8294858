namespace Stepwise.Features.People;

public static class PeopleFeature
{
    public static IServiceCollection AddPeople(this IServiceCollection services) => services
        .AddScoped<PeopleQueries>()
        .AddScoped<RoleChoices>()
        .AddScoped<CreatePerson>()
        .AddScoped<Invitations>()
        .AddScoped<EditPerson>()
        .AddScoped<GrantRole>()
        .AddScoped<RevokeRole>();
}
