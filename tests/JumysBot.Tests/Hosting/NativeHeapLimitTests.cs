using JumysBot.Hosting;

namespace JumysBot.Tests.Hosting;

public class NativeHeapLimitTests
{
    [Fact]
    public void On_glibc_the_allocator_takes_the_arena_limit_unless_the_operator_chose_one()
    {
        var glibc = OperatingSystem.IsLinux() && File.Exists("/proc/self/maps") && File.ReadAllText("/proc/self/maps").Contains("libc.so.6", StringComparison.Ordinal);
        var chosen = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null;

        Assert.Equal(glibc && !chosen, NativeHeapLimit.Apply());
    }
}
