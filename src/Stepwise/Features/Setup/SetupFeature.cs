using Stepwise.Features.Trusts;

namespace Stepwise.Features.Setup;

public static class SetupFeature
{
    /// <summary>First run: the setup code and page, and `stepwise setup` (trusts are created by <see cref="CreateTrust"/>).</summary>
    public static IServiceCollection AddSetup(this IServiceCollection services) => services.AddScoped<FirstRun>();
}
