# Shared helpers for Ride's Pester suite. Every test file imports this in BeforeAll.

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Initialize-RideTest {
    if (-not $env:RIDE_MODULE_PATH) { throw 'RIDE_MODULE_PATH is not set: run the tests through build.ps1 -Task Test.' }
    Import-Module $env:RIDE_MODULE_PATH -Force -Global
    $env:RIDE_SCENARIO_PATH = Join-Path $script:RepoRoot 'tests/scenarios'
    # Tests never pull from a public registry: Docker sandboxes use the locally built test image.
    if (-not $env:RIDE_IMAGE) { $env:RIDE_IMAGE = 'ride-test/postgres:15' }
    if (-not $env:RIDE_HOME -or -not (Test-Path $env:RIDE_HOME)) {
        $env:RIDE_HOME = Join-Path ([IO.Path]::GetTempPath()) ('ride-test-' + [Guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $env:RIDE_HOME | Out-Null
    }
}

function Get-RepoRoot { $script:RepoRoot }

function Get-ScenarioFolder([string] $Id) {
    (Get-RideScenario -Id $Id).Path
}

# A copy of a catalog drill with the size variables of its setup (`\set name value`) changed: tests of grading need
# the drill's checks, not its production-sized data.
function Copy-ScaledScenario([string] $Id, [hashtable] $Size) {
    $source = Get-ScenarioFolder $Id
    $target = Join-Path $env:RIDE_HOME ('scaled/' + [Guid]::NewGuid().ToString('N').Substring(0, 8) + '/' + (Split-Path $source -Leaf))
    New-Item -ItemType Directory -Path (Split-Path $target) -Force | Out-Null
    Copy-Item -Recurse $source $target
    $setup = Join-Path $target 'setup.sql'
    $text = Get-Content -Raw $setup
    foreach ($name in $Size.Keys) {
        $pattern = '(?m)^\\set ' + [regex]::Escape($name) + ' \d+$'
        if ($text -notmatch $pattern) { throw "$Id's setup.sql sets no size variable '$name'." }
        $text = $text -replace $pattern, ('\set ' + $name + ' ' + $Size[$name])
    }
    Set-Content -Path $setup -Value $text -NoNewline
    $target
}

# Engines the end-to-end suites run on: Local always; Docker when an engine answers (CI starts one).
function Get-TestEngine {
    $engines = @('Local')
    if (-not $env:RIDE_TEST_NO_DOCKER -and (Test-DockerAvailable)) { $engines += 'Docker' }
    return $engines
}

# An engine counts when it answers a ping, not when a socket file happens to exist.
function Test-DockerAvailable {
    if (-not (Get-Module Ride)) { Import-Module $env:RIDE_MODULE_PATH -Force -Global }
    $options = [Ride.Common.RideOptions]::FromEnvironment()
    [Ride.Engines.Docker.DockerEngine]::IsAvailableAsync($options, [TimeSpan]::FromSeconds(5), [Threading.CancellationToken]::None).GetAwaiter().GetResult()
}

# Session ids that exist now, so a test can check it leaves none of its own behind whatever other files do.
function Get-RideSessionIds { @((Get-RideSession -ErrorAction Ignore).SessionId) }

# Polls until the script block returns something truthy; fails the test with a message after the timeout.
function Wait-RideCondition {
    param([scriptblock] $Condition, [int] $TimeoutSec = 20, [string] $Because = 'the condition')
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while ([DateTime]::UtcNow -lt $deadline) {
        $value = & $Condition
        if ($value) { return $value }
        Start-Sleep -Milliseconds 100
    }
    throw "Timed out after $TimeoutSec s waiting for $Because."
}

# Runs a query through Npgsql (loaded with the module) and returns the first column of each row.
function Invoke-RideTestQuery {
    param([Parameter(Mandatory)] $Session, [Parameter(Mandatory)] [string] $Sql, [string] $Database = 'incident')
    $builder = [Npgsql.NpgsqlConnectionStringBuilder]::new($Session.ConnectionString)
    $builder.Database = $Database
    $builder.Pooling = $false
    $connection = [Npgsql.NpgsqlConnection]::new($builder.ConnectionString)
    try {
        $connection.Open()
        $command = $connection.CreateCommand()
        $command.CommandText = $Sql
        $reader = $command.ExecuteReader()
        $rows = [Collections.Generic.List[object]]::new()
        while ($reader.Read()) { $rows.Add($reader.GetValue(0)) }
        $reader.Dispose()
        return , $rows.ToArray()
    } finally {
        $connection.Dispose()
    }
}

# Starts a fresh pwsh that imports the built module and runs a script; returns its output lines.
function Invoke-FreshPwsh([string] $Script) {
    $exe = [Environment]::ProcessPath
    $prefix = @()
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { $prefix = @([Environment]::GetCommandLineArgs()[0]) }
    $full = "`$ErrorActionPreference = 'Stop'; Import-Module '$env:RIDE_MODULE_PATH'; $Script"
    $output = & $exe @prefix -NoProfile -NonInteractive -Command $full 2>&1
    if ($LASTEXITCODE -ne 0) { throw "The second pwsh failed ($LASTEXITCODE): $output" }
    return $output
}

function Get-ProcessIdsOf([string] $Pattern) {
    Get-ChildItem /proc -Directory -ErrorAction Ignore | Where-Object { $_.Name -match '^\d+$' } | ForEach-Object {
        $cmdline = Get-Content -Raw -LiteralPath (Join-Path $_.FullName 'cmdline') -ErrorAction Ignore
        if ($cmdline -and ($cmdline -replace "`0", ' ') -match $Pattern) { [int]$_.Name }
    }
}

Export-ModuleMember -Function *
