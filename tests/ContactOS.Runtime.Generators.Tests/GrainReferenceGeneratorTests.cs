namespace ContactOS.Runtime.Generators.Tests;

public sealed class GrainReferenceGeneratorTests
{
    [Fact]
    public void A_valid_grain_interface_gets_a_reference_that_compiles_and_is_registered_with_its_class()
    {
        var result = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using ContactOS.Runtime;
            namespace Shop;
            public interface IBaseGrain : IGrainWithStringKey { Task Ping(); }
            public interface ICartGrain : IBaseGrain
            {
                Task<int> Add(string sku, int quantity);
                [ReadOnly] ValueTask<int> Count();
                [AlwaysInterleave] ValueTask Touch(string @event);
                [AlwaysInterleave, LongPoll] Task<int> WaitAbove(int count);
            }
            public sealed class CartGrain : Grain, ICartGrain
            {
                public Task Ping() => Task.CompletedTask;
                public Task<int> Add(string sku, int quantity) => Task.FromResult(quantity);
                public ValueTask<int> Count() => ValueTask.FromResult(0);
                public ValueTask Touch(string @event) => ValueTask.CompletedTask;
                public Task<int> WaitAbove(int count) => Task.FromResult(count + 1);
            }
            """);

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.CompilationErrors);
        var reference = result.Sources["Shop_ICartGrain_Reference.g.cs"];
        Assert.Contains("global::Shop.IBaseGrain.Ping()", reference, StringComparison.Ordinal);
        Assert.Contains("GrainMethodFlags.ReadOnly", reference, StringComparison.Ordinal);
        Assert.Contains("GrainMethodFlags.AlwaysInterleave", reference, StringComparison.Ordinal);
        Assert.Contains("GrainMethodFlags.AlwaysInterleave | global::ContactOS.Runtime.Calls.GrainMethodFlags.LongPoll", reference, StringComparison.Ordinal);
        var registrations = result.Sources["GrainRegistrations.g.cs"];
        Assert.Contains("RegisterGrainClass(typeof(global::Shop.CartGrain), typeof(global::Shop.ICartGrain), typeof(global::Shop.IBaseGrain))", registrations, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("int Count();", "COS0001", "returns int")]
    [InlineData("Task<T> Get<T>();", "COS0002", "is generic")]
    [InlineData("Task Load(ref int value);", "COS0003", "'value'")]
    [InlineData("int Size { get; }", "COS0004", "'Size'")]
    public void An_unsupported_member_is_a_compile_error_that_says_what_is_wrong(string member, string id, string detail)
    {
        var result = GeneratorHarness.Run($$"""
            using System.Threading.Tasks;
            using ContactOS.Runtime;
            public interface IBadGrain : IGrainWithStringKey { {{member}} }
            """);

        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(detail, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.DoesNotContain("IBadGrain_Reference.g.cs", result.Sources.Keys);
    }

    [Fact]
    public void A_private_grain_interface_is_rejected()
    {
        var result = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using ContactOS.Runtime;
            public class Outer { private interface IHiddenGrain : IGrainWithStringKey { Task Ping(); } }
            """);

        Assert.Equal("COS0005", Assert.Single(result.GeneratorDiagnostics).Id);
    }
}
