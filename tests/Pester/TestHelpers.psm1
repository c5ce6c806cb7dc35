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

# What the catalog suite proves of each drill: the full proof on one engine (the engines take turns through the
# catalog, or every engine when RIDE_TEST_FULL=1). A drill whose setup.sql sets its size with `\set name N` lines gets
# its full proof at a 25th of that size, and the quick proof at full size on the other engine.
# RIDE_TEST_SCENARIOS (a wildcard) narrows the catalog, for a developer proving a few drills.
function Get-CatalogProofPlan {
    $engines = @(Get-TestEngine)
    $drills = @(Get-RideScenario -Id ($env:RIDE_TEST_SCENARIOS ?? '*') | Where-Object Id -NotLike 'stage-00/*' | Sort-Object Id)
    for ($i = 0; $i -lt $drills.Count; $i++) {
        $full = if ($env:RIDE_TEST_FULL) { $engines } else { @($engines[$i % $engines.Count]) }
        $sizes = @{}
        foreach ($line in [regex]::Matches((Get-Content -Raw (Join-Path $drills[$i].Path 'setup.sql') -ErrorAction Ignore) ?? '', '(?m)^\\set (\w+) (\d+)\s*$')) {
            $sizes[$line.Groups[1].Value] = [Math]::Max(1, [long][Math]::Floor([long]$line.Groups[2].Value / 25))
        }
        $quick = @(if ($sizes.Count) { $engines | Where-Object { $_ -notin $full } })
        @{ Id = $drills[$i].Id; Full = @($full); Quick = $quick; Sizes = $sizes
           FullOn = ($full -join ', ') + $(if ($sizes.Count) { ' at a 25th of its size' } else { '' })
           QuickOn = if ($quick) { $quick -join ', ' } else { 'none' } }
    }
}

# Runs every proof of a plan, several side by side: many drills spend much of a proof waiting for their servers and
# applications (a deadlock to be detected, a lock to be queued behind), so two at once keep a small machine busy.
# Returns the results by drill id; a proof that throws becomes one failed result naming the error.
function Invoke-CatalogProof([object[]] $Plan, [int] $ThrottleLimit) {
    $runs = foreach ($case in $Plan) {
        $scaled = if ($case.Sizes.Count) { Copy-ScaledScenario $case.Id $case.Sizes }
        foreach ($engine in $case.Full) { @{ Id = $case.Id; Engine = $engine; Quick = $false; Path = $scaled } }
        foreach ($engine in $case.Quick) { @{ Id = $case.Id; Engine = $engine; Quick = $true; Path = $null } }
    }
    $module = $env:RIDE_MODULE_PATH
    $results = @{}
    $runs | ForEach-Object -ThrottleLimit $ThrottleLimit -Parallel {
        Import-Module $using:module
        $run = $_
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $proof = try {
            if ($run.Path) {
                @(Test-RideScenario -Path $run.Path -Engine $run.Engine -ErrorAction Stop)
            } else {
                @(Test-RideScenario -Id $run.Id -Engine $run.Engine -Quick:$run.Quick -ErrorAction Stop)
            }
        } catch {
            @([pscustomobject]@{ Engine = $run.Engine; Expectation = 'proof-ran'; Passed = $false; Detail = "$_" })
        }
        $failed = @($proof | Where-Object { -not $_.Passed }).Count
        Write-Host ('  proved {0} on {1} ({2}): {3} of {4} passed in {5:N0} s' -f $run.Id, $run.Engine, $(if ($run.Quick) { 'quick' } else { 'full' }),
            ($proof.Count - $failed), $proof.Count, $clock.Elapsed.TotalSeconds)
        [pscustomobject]@{ Id = $run.Id; Results = $proof }
    } | ForEach-Object {
        if (-not $results.ContainsKey($_.Id)) { $results[$_.Id] = [Collections.Generic.List[object]]::new() }
        $results[$_.Id].AddRange(@($_.Results))
    }
    foreach ($run in $runs | Where-Object Path) { Remove-Item -Recurse -Force (Split-Path $run.Path) -ErrorAction Ignore }
    return $results
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
