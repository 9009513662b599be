namespace Inkwell.Protobuf.Tests.Inheritance;

/// <summary>
/// Seeded random edits of schemas that use inheritance in every encoding: the compiler must never throw, and
/// whatever it accepts must lower to files that compile again on their own to the same descriptors.
/// </summary>
public sealed class InheritanceFuzzTests
{
    private const string Alphabet = "{}[]():;=,.\"-/\n 0123456789_aAmxZ";

    private static readonly string[] s_schemas =
    [
        """
        syntax = "proto3";
        package zoo;
        // Animals.
        message Animal {
          subtypes 100 to 199;
          float weight = 1;
          message Cat : Animal = 100 { bool declawed = 1; subtypes 10 to 19; }
        }
        message Dog : Animal = 101 { uint32 bones_buried = 1; }
        message Kitten : Animal.Cat = 10 { string toy = 1; }
        """,
        """
        syntax = "proto3";
        package zoo;
        import "google/protobuf/any.proto";
        message Animal { subtypes 100 to max [encoding = ANY]; float weight = 1; google.protobuf.Any extra = 2; }
        message Cat : Animal = 100 { bool declawed = 1; }
        message Dog : .zoo.Animal = 101 { uint32 bones_buried = 1; }
        """,
        """
        syntax = "proto2";
        package zoo;
        message Animal { subtypes 100 to 199 [encoding = EXTENSIONS]; optional float weight = 1; reserved 5; }
        message Cat : Animal = 100 { optional bool declawed = 1; }
        message Dog : Animal = 101 { optional uint32 bones_buried = 1; extensions 1000 to 2000; }
        """,
        """
        edition = "2023";
        package zoo;
        message Animal { subtypes 1 to 99 [encoding = EXTENSIONS]; float weight = 100; }
        message Cat : Animal = 1 { bool declawed = 1; }
        """,
    ];

    [Fact]
    public void Seeds_CompileUnchanged()
    {
        foreach (string schema in s_schemas)
        {
            CompilationResult result = InheritanceCompiler.Compile(schema);
            Assert.True(result.Success, string.Join("\n", result.Diagnostics) + "\n" + schema);
        }
    }

    [Fact]
    public void Compile_FuzzedInheritanceSchemas_NeverThrow_AndWhatPassesCompilesAgain()
    {
        // Longer runs outside CI: INKWELL_FUZZ_ITERATIONS=100000 INKWELL_FUZZ_SEED=n dotnet test ...
        int iterations = int.TryParse(Environment.GetEnvironmentVariable("INKWELL_FUZZ_ITERATIONS"), out int n) ? n : 1500;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("INKWELL_FUZZ_SEED"), out int s) ? s : 20261125;
        var random = new Random(seed);
        int accepted = 0;
        for (int i = 0; i < iterations; i++)
        {
            string text = s_schemas[random.Next(s_schemas.Length)];
            for (int edits = random.Next(1, 3); edits > 0 && text.Length > 0; edits--)
            {
                int at = random.Next(text.Length);
                text = random.Next(3) switch
                {
                    0 => text.Remove(at, Math.Min(text.Length - at, random.Next(1, 12))),
                    1 => text.Insert(at, Alphabet[random.Next(Alphabet.Length)].ToString()),
                    _ => text.Insert(at, random.Next(4) switch { 0 => " : Animal = 7 ", 1 => "subtypes 3 to 9;", 2 => "message X : Cat = 11 {}", _ => "}" }),
                };
            }

            CompilationResult result;
            try
            {
                result = InheritanceCompiler.Compile(text);
            }
            catch (Exception exception)
            {
                Assert.Fail($"Iteration {i} threw {exception.GetType().Name}: {exception.Message}\n--- input ---\n{text}");
                throw;
            }

            if (!result.Success || result.LoweredSources.Count == 0)
            {
                continue;
            }

            accepted++;
            CompilationResult again = ProtoCompiler.Compile(["zoo.proto"], new InMemoryResolver(result.LoweredSources.ToDictionary()), TestContext.Current.CancellationToken);
            Assert.True(again.Success, $"Iteration {i}: the lowered text does not compile:\n{string.Join("\n", again.Diagnostics)}\n--- lowered ---\n{result.LoweredSources["zoo.proto"]}");
            Assert.Equal(result.GetDescriptorSetBytes(includeImports: true), again.GetDescriptorSetBytes(includeImports: true));
        }

        Assert.True(accepted > iterations / 50, $"Only {accepted} of {iterations} fuzzed schemas compiled: the fuzzer no longer reaches the lowering.");
    }
}
