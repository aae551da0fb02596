# JumysBot: build with the .NET SDK, run on the ASP.NET runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The restore layer is cached until a project or package version changes.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/JumysBot/JumysBot.csproj src/JumysBot/
RUN dotnet restore src/JumysBot/JumysBot.csproj
COPY src/ src/
COPY localization/ localization/
RUN dotnet publish src/JumysBot/JumysBot.csproj -c Release --no-restore -o /app

# The Debian-based runtime image carries ICU (Kazakh culture data) and tzdata (Asia/Almaty).
# MALLOC_ARENA_MAX: glibc gives busy threads allocator arenas of their own and keeps their freed memory; two arenas
# keep the bot's native memory flat over a long run (the soak in tests/JumysBot.Benchmarks/RESULTS.md).
FROM mcr.microsoft.com/dotnet/aspnet:10.0
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    MALLOC_ARENA_MAX=2 \
    TZ=Asia/Almaty \
    Storage__Path=/data/jumysbot.db \
    ASPNETCORE_URLS=http://+:8080
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["dotnet", "JumysBot.dll", "healthcheck"]
ENTRYPOINT ["dotnet", "JumysBot.dll"]
