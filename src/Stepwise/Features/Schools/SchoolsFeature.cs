namespace Stepwise.Features.Schools;

public static class SchoolsFeature
{
    public static IServiceCollection AddSchools(this IServiceCollection services) => services
        .AddScoped<ListSchools>()
        .AddScoped<GetSchoolProfile>()
        .AddScoped<ReadSchoolAtAGlance>()
        .AddScoped<SaveSchool>()
        .AddScoped<CreateFromRegister>()
        .AddScoped<ArchiveSchool>();
}
