# Seeded snapshots: a scenario's state after setup is built once per version and cloned by every start; a changed file
# builds a new one and the old one goes; concurrent first starts share one; a failed seeding leaves nothing behind.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $engines = Get-TestEngine
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-RideTest

    # A copy of the smoke test whose setup leaves a mark that differs at every seeding.
    function New-SeedScenario {
        $folder = Join-Path $env:RIDE_HOME ('seed-scenarios/' + [Guid]::NewGuid().ToString('N').Substring(0, 8) + '/01-seeded')
        New-Item -ItemType Directory -Path (Split-Path $folder) -Force | Out-Null
        Copy-Item -Recurse (Join-Path (Get-RepoRoot) 'tests/scenarios/stage-00/01-smoke-test') $folder
        Add-Content (Join-Path $folder 'setup.sql') "CREATE TABLE seed_mark AS SELECT gen_random_uuid()::text AS id;`nGRANT SELECT ON seed_mark TO app_user;"
        $folder
    }

    # Progress as the core reports it, to see what a start did.
    if (-not ('SeedProgressLog' -as [type])) {
        Add-Type -IgnoreWarnings -TypeDefinition @'
public sealed class SeedProgressLog : System.IProgress<Ride.Engines.SandboxProgress>
{
    public System.Collections.Generic.List<string> Statuses { get; } = new System.Collections.Generic.List<string>();
    public void Report(Ride.Engines.SandboxProgress value) { lock (Statuses) { Statuses.Add(value.Status); } }
}
'@ -ReferencedAssemblies @((Join-Path (Split-Path $env:RIDE_MODULE_PATH) 'Ride.Core.dll'), 'System.Runtime', 'System.Threading', 'System.Collections')
    }

    function Start-Logged([string] $Folder, [string] $Engine) {
        $log = [SeedProgressLog]::new()
        $launcher = [Ride.Sessions.SessionLauncher]::new([Ride.RideContext]::FromEnvironment())
        $state = $launcher.StartAsync([Ride.Scenarios.ScenarioCatalog]::Load($Folder), [Ride.Engines.EngineKind]$Engine, [NullString]::Value, $log,
            [Threading.CancellationToken]::None).GetAwaiter().GetResult()
        [pscustomobject]@{ Session = Get-RideSession -Id $state.SessionId; Statuses = @($log.Statuses.ToArray()) }
    }

    function Get-SeedMark($Session) { (Invoke-RideTestQuery -Session $Session -Database 'app_db' -Sql 'SELECT id FROM seed_mark')[0] }

    # The seeds of the smoke test's id that the engine keeps: folders on Local, images on Docker.
    function Get-Seed([string] $Engine) {
        if ($Engine -eq 'Local') {
            @(Get-ChildItem (Join-Path $env:RIDE_HOME 'clusters') -Directory -Filter 'seed-stage-00-01-smoke-test-*' -ErrorAction Ignore).Name
        } else {
            @(docker images --filter 'label=ride.seed=stage-00-01-smoke-test' --format '{{.Repository}}:{{.Tag}}')
        }
    }
}

Describe 'Seeded snapshots on <_>' -ForEach $engines {
    BeforeAll {
        $script:engine = $_
        $script:folder = New-SeedScenario
    }

    AfterAll {
        Get-RideSession | Where-Object ScenarioPath -like "$env:RIDE_HOME/seed-scenarios/*" | Stop-RideScenario -Confirm:$false
    }

    It 'seeds a scenario version once: the next start clones it, with passwords of its own' {
        $first = Start-RideScenario -Path $script:folder -Engine $script:engine 6>$null
        $second = Start-RideScenario -Path $script:folder -Engine $script:engine 6>$null
        try {
            Get-SeedMark $first | Should -Not -BeNullOrEmpty
            Get-SeedMark $second | Should -Be (Get-SeedMark $first) -Because 'the second start cloned the first seeding instead of running setup again'
            @(Get-Seed $script:engine).Count | Should -Be 1

            $builder = [Npgsql.NpgsqlConnectionStringBuilder]::new($second.ConnectionString)
            $builder.Password = ([Npgsql.NpgsqlConnectionStringBuilder]::new($first.ConnectionString)).Password
            $builder.Pooling = $false
            $builder.Database = 'postgres'
            $other = [Npgsql.NpgsqlConnection]::new($builder.ConnectionString)
            { $other.Open() } | Should -Throw -ExpectedMessage '*password authentication failed*' -Because "one session's password opens no other session"
            $other.Dispose()

            $second | Submit-RideFix -Path (Join-Path $script:folder 'solution.sql') | Get-RideScore | ForEach-Object Total | Should -Be 100
        } finally {
            $first, $second | Stop-RideScenario -Confirm:$false
        }
    }

    It 'seeds again when a scenario file changes, and drops the older seed' {
        $before = Get-Seed $script:engine
        $s = Start-RideScenario -Path $script:folder -Engine $script:engine 6>$null
        $mark = Get-SeedMark $s
        $s | Stop-RideScenario -Confirm:$false

        Add-Content (Join-Path $script:folder 'postmortem.md') "`nA line the seed key notices."
        $s = Start-RideScenario -Path $script:folder -Engine $script:engine 6>$null
        try {
            Get-SeedMark $s | Should -Not -Be $mark
            $after = @(Get-Seed $script:engine)
            $after.Count | Should -Be 1
            $after[0] | Should -Not -BeIn $before
        } finally {
            $s | Stop-RideScenario -Confirm:$false
        }
    }

    It 'shows the seeding in the progress of the first start of a version, and not after' {
        Add-Content (Join-Path $script:folder 'postmortem.md') "`nAnother line the seed key notices."
        $first = Start-Logged $script:folder $script:engine
        $second = Start-Logged $script:folder $script:engine
        try {
            $first.Statuses -match '^Seeding stage-00/01-smoke-test' | Should -Not -BeNullOrEmpty
            $first.Statuses -match 'setup\.sql \(1 of 1\)' | Should -Not -BeNullOrEmpty
            $second.Statuses -match 'Seeding' | Should -BeNullOrEmpty
            $second.Statuses -match 'seeded snapshot|Starting the container' | Should -Not -BeNullOrEmpty
        } finally {
            $first.Session, $second.Session | Stop-RideScenario -Confirm:$false
        }
    }

    It 'lets two first starts of a new version race, and both get the same seed' {
        Add-Content (Join-Path $script:folder 'hints.md') "`n## Hint 9`nA hint the seed key notices."
        $module = $env:RIDE_MODULE_PATH
        $folder = $script:folder
        $engine = $script:engine
        $ids = 1..2 | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:module
            (Start-RideScenario -Path $using:folder -Engine $using:engine 6>$null).SessionId
        }
        $sessions = @(Get-RideSession | Where-Object SessionId -in $ids)
        try {
            $sessions.Count | Should -Be 2
            Get-SeedMark $sessions[1] | Should -Be (Get-SeedMark $sessions[0])
            @(Get-Seed $script:engine).Count | Should -Be 1
        } finally {
            $sessions | Stop-RideScenario -Confirm:$false
        }
    }

    It 'lets two versions of one scenario seed at the same moment, and both start on their own version' {
        # Each version retires the other's snapshot once it is no longer in use; neither start may lose its own.
        $module = $env:RIDE_MODULE_PATH
        $engine = $script:engine
        $versions = 1..2 | ForEach-Object { $f = New-SeedScenario; Add-Content (Join-Path $f 'postmortem.md') "`nVersion $_."; $f }
        $started = $versions | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:module
            try { (Start-RideScenario -Path $_ -Engine $using:engine 6>$null).SessionId } catch { "failed: $_" }
        }
        $sessions = @(Get-RideSession | Where-Object SessionId -in $started)
        try {
            $started | Where-Object { $_ -like 'failed:*' } | Should -BeNullOrEmpty
            $sessions.Count | Should -Be 2
            $sessions | ForEach-Object { Get-SeedMark $_ | Should -Not -BeNullOrEmpty }
            Get-SeedMark $sessions[1] | Should -Not -Be (Get-SeedMark $sessions[0]) -Because 'each version has its own seeding'
        } finally {
            $sessions | Stop-RideScenario -Confirm:$false
        }
        @(Get-Seed $script:engine).Count | Should -BeLessOrEqual 2 -Because 'older versions are retired once no start uses them'
    }

    It 'ages the databases transactionAge names for real, freezes every other one, and Reset brings the age back' {
        $s = Start-RideScenario -Id 'stage-00/08-aged-database' -Engine $script:engine 6>$null
        try {
            $ages = @{}
            foreach ($row in (Invoke-RideTestQuery -Session $s -Database 'postgres' -Sql "SELECT datname || '=' || age(datfrozenxid) FROM pg_database WHERE datname NOT LIKE 'ride%'")) {
                $name, $age = $row -split '='
                $ages[$name] = [long]$age
            }
            $ages['cold_db'] | Should -BeGreaterOrEqual 1500000000
            $ages['cold_db'] | Should -BeLessThan 1502000000 -Because 'the age is rounded up to one pg_xact segment at most'
            foreach ($young in 'app_db', 'postgres', 'template0', 'template1') {
                $ages[$young] | Should -BeLessThan 10000000 -Because "$young was frozen while seeding"
            }
            (Invoke-RideTestQuery -Session $s -Database 'cold_db' -Sql 'SELECT count(*) FROM ledger')[0] | Should -Be 1000 -Because 'the data written before the jump is still visible'
            (Invoke-RideTestQuery -Session $s -Database 'postgres' -Sql "SELECT datallowconn FROM pg_database WHERE datname = 'template0'")[0] | Should -BeFalse

            $s | Submit-RideFix -Path (Join-Path (Get-RepoRoot) 'tests/scenarios/stage-00/08-aged-database/solution.sql') | Get-RideScore | ForEach-Object Total | Should -Be 100
            $s | Reset-RideScenario -Confirm:$false | Out-Null
            (Invoke-RideTestQuery -Session $s -Database 'postgres' -Sql "SELECT age(datfrozenxid) FROM pg_database WHERE datname = 'cold_db'")[0] |
                Should -BeGreaterOrEqual 1500000000
        } finally {
            $s | Stop-RideScenario -Confirm:$false
        }
    }

    It 'reports a failing setup script while seeding, and leaves no seed, build or container behind' {
        $broken = New-SeedScenario
        Add-Content (Join-Path $broken 'setup.sql') 'SELECT no_such_column FROM items;'
        $sessionsBefore = Get-RideSessionIds
        try { Start-RideScenario -Path $broken -Engine $script:engine 6>$null } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'SetupScriptFailed,Ride.Cmdlets.StartRideScenarioCommand'
        $err.Exception.Message | Should -Match 'setup\.sql line \d+: column "no_such_column" does not exist'
        @(Get-RideSession | Where-Object SessionId -notin $sessionsBefore) | Should -BeNullOrEmpty
        @(Get-ChildItem (Join-Path $env:RIDE_HOME 'clusters') -Directory -Filter 'building-*' -ErrorAction Ignore) | Should -BeNullOrEmpty
        if ($script:engine -eq 'Docker') {
            @(docker ps -a -q --filter 'name=ride-seed-') | Should -BeNullOrEmpty
        }
    }
}
