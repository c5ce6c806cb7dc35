# A fix is untrusted input. Nothing it asks for may run, read, write or connect outside its sandbox, on any engine:
# not through psql's meta-commands (refused before anything runs) and not through the server (which runs in a jail or
# a container). And whatever it does to Ride's own role, database, connections or settings, a score comes back and
# Reset and Stop still work.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $engines = Get-TestEngine
    $metaCommands = @(
        @{ Form = 'shell escape'; Sql = '\! touch {marker}' }
        @{ Form = 'output to a file'; Sql = "\o {marker}`nSELECT 1;" }
        @{ Form = 'output to a pipe'; Sql = "\o |touch {marker}`nSELECT 1;" }
        @{ Form = 'query buffer to a file'; Sql = "SELECT 1`n\w {marker}"; Line = 3 }
        @{ Form = 'results to a program'; Sql = 'SELECT 1 \g |touch {marker}' }
        @{ Form = 'results to a file'; Sql = 'SELECT 1 \gx {marker}' }
        @{ Form = '\copy to a file'; Sql = "\copy (SELECT 1) TO '{marker}'" }
        @{ Form = '\copy from a program'; Sql = "CREATE TEMP TABLE t (x text);`n\copy t FROM PROGRAM 'touch {marker}'"; Line = 3 }
        @{ Form = 'include from outside'; Sql = '\i {secret}' }
        @{ Form = 'environment'; Sql = '\setenv PAGER "touch {marker}"' }
        @{ Form = 'working folder'; Sql = '\cd /tmp' }
        @{ Form = 'backquotes'; Sql = '\set x `touch {marker}`' }
    )
    $serverForms = @(
        @{ Form = 'COPY TO PROGRAM'; Sql = "COPY (SELECT 1) TO PROGRAM 'touch {marker}';" }
        @{ Form = 'COPY FROM PROGRAM'; Sql = "CREATE TEMP TABLE t (x text); COPY t FROM PROGRAM 'cat {secret}'; SELECT x FROM t;" }
        @{ Form = 'COPY to a server file'; Sql = "COPY (SELECT 1) TO '{marker}';" }
        @{ Form = 'COPY from a server file'; Sql = "CREATE TEMP TABLE t (x text); COPY t FROM '{secret}'; SELECT x FROM t;" }
        @{ Form = 'pg_read_file'; Sql = "SELECT pg_read_file('{secret}');" }
        @{ Form = 'large object import'; Sql = "SELECT convert_from(lo_get(lo_import('{secret}')), 'UTF8');" }
        @{ Form = 'large object export'; Sql = "SELECT lo_export(lo_from_bytea(0, 'x'), '{marker}');" }
        @{ Form = 'a C function on libc'; Sql = "CREATE FUNCTION pg_temp.sh(cstring) RETURNS int LANGUAGE c AS 'libc.so.6', 'system'; SELECT pg_temp.sh('touch {marker}');" }
        @{ Form = 'archive_command'; Sql = "ALTER SYSTEM SET archive_command = 'touch {marker}'; SELECT pg_reload_conf(); SELECT pg_switch_wal();" }
    )
    $tampering = @(
        @{ Form = 'Ride''s role made NOLOGIN'; Sql = 'ALTER ROLE ride_system NOLOGIN;'; Finding = 'NOLOGIN' }
        @{ Form = 'Ride''s password changed'; Sql = "ALTER ROLE ride_system PASSWORD 'stolen';"; Finding = 'another password' }
        @{ Form = 'Ride''s role expired'; Sql = "ALTER ROLE ride_system VALID UNTIL '2000-01-01';"; Finding = 'VALID UNTIL' }
        @{ Form = 'Ride''s role renamed'; Sql = 'ALTER ROLE ride_system RENAME TO grader;'; Finding = 'renamed to grader' }
        @{ Form = 'Ride''s role made read-only'; Sql = 'ALTER ROLE ride_system SET default_transaction_read_only = on;'; Finding = 'role settings' }
        @{ Form = 'Ride''s role made NOSUPERUSER'; Sql = 'ALTER ROLE ride_system NOSUPERUSER;'; Finding = 'NOSUPERUSER' }
        @{ Form = 'Ride''s database renamed'; Sql = 'ALTER DATABASE ride RENAME TO gone;'; Finding = 'renamed to gone' }
        @{ Form = 'Ride''s database closed'; Sql = 'ALTER DATABASE ride WITH ALLOW_CONNECTIONS false CONNECTION LIMIT 0;'; Finding = 'closed to connections' }
        @{ Form = 'Ride''s database dropped'; Sql = 'DROP DATABASE ride WITH (FORCE);'; Finding = 'was dropped' }
        @{ Form = 'Ride''s baseline emptied'; Sql = "\c ride`nTRUNCATE baseline_backends;"; Finding = 'record of the application sessions' }
        @{ Form = 'settings Ride relies on'; Sql = "ALTER SYSTEM SET log_line_prefix = ''; ALTER SYSTEM SET statement_timeout = '1ms'; SELECT pg_reload_conf();"; Finding = 'log_line_prefix' }
        @{ Form = 'Ride locked out and its connections ended'; Sql = "ALTER ROLE ride_system NOLOGIN; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'ride_system';"; Finding = 'NOLOGIN' }
        @{ Form = 'every superuser locked out'; Sql = "ALTER ROLE ride_system NOLOGIN; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'ride_system'; ALTER ROLE dba NOLOGIN;"; Finding = 'could not log in' }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-RideTest
    $script:scenarioId = 'stage-09/05-backward-incompatible-migration'

    # A file of the grading machine's that no fix may read, and a path where no fix may create anything.
    function New-Bait {
        $id = [Guid]::NewGuid().ToString('N').Substring(0, 10)
        $secret = Join-Path ([IO.Path]::GetTempPath()) "ride-secret-$id"
        Set-Content -Path $secret -Value "grader-secret-$id"
        chmod 644 $secret
        [pscustomobject]@{ Secret = $secret; Token = "grader-secret-$id"; Marker = Join-Path ([IO.Path]::GetTempPath()) "ride-marker-$id" }
    }

    function Expand-Bait([string] $Sql, $Bait) { $Sql.Replace('{marker}', $Bait.Marker).Replace('{secret}', $Bait.Secret) }
}

Describe 'Containment on <_>' -ForEach $engines {
    BeforeAll {
        $script:engine = $_
        $script:s = Start-RideScenario $script:scenarioId -Engine $script:engine 6>$null
        $script:fresh = (Get-RideScore -Session $script:s).Total
    }

    AfterAll {
        if ($script:s) { $script:s | Stop-RideScenario -Confirm:$false -WarningAction Ignore }
    }

    AfterEach {
        $script:s | Reset-RideScenario -Confirm:$false | Out-Null
    }

    It 'refuses a fix with <Form> before anything of it runs, and still scores the session' -ForEach $metaCommands {
        $bait = New-Bait
        try {
            $submission = $script:s | Submit-RideFix -Sql ("SELECT 'first line runs only if the whole fix is allowed';`n" + (Expand-Bait $Sql $bait)) -ErrorVariable refused -ErrorAction SilentlyContinue
            $refused | Should -HaveCount 1
            $refused[0].FullyQualifiedErrorId | Should -Be 'FixRejected,Ride.Cmdlets.SubmitRideFixCommand'
            $refused[0].CategoryInfo.Category | Should -Be 'SecurityError'
            $refused[0].Exception.Message | Should -Match "line $(if ($Line) { $Line } else { 2 }):"
            $submission.Rejected | Should -BeTrue
            $submission.Output | Should -BeNullOrEmpty -Because 'not even the allowed first line ran'
            $submission.Score.Total | Should -Be $script:fresh
            $bait.Marker | Should -Not -Exist
        } finally {
            Remove-Item $bait.Secret, $bait.Marker -ErrorAction Ignore
        }
    }

    It 'keeps <Form> inside the sandbox' -ForEach $serverForms {
        $bait = New-Bait
        try {
            $submission = $script:s | Submit-RideFix -Sql (Expand-Bait $Sql $bait) -ErrorAction SilentlyContinue
            $submission | Should -Not -BeNullOrEmpty
            $submission.Score | Should -Not -BeNullOrEmpty
            $bait.Marker | Should -Not -Exist -Because 'nothing the server runs or writes reaches the grading machine'
            "$($submission.Output)$($submission.Error)" | Should -Not -Match $bait.Token -Because 'no file of the grading machine is read'
        } finally {
            Remove-Item $bait.Secret, $bait.Marker -ErrorAction Ignore
        }
    }

    It 'shows the server a machine of its own, without the accounts of this one' {
        $submission = $script:s | Submit-RideFix -Sql "SELECT pg_read_file('/etc/passwd');"
        # This machine has accounts of its own (the package's postgres on Local, the dedicated ride account on Docker's
        # host): the server sees none of them, only its jail's or its image's.
        $hostOnly = if ($script:engine -eq 'Local') { 'postgres' } else { 'ride' }
        (Get-Content /etc/passwd) -match "^${hostOnly}:" | Should -Not -BeNullOrEmpty -Because "this machine has a $hostOnly account"
        $submission.Output | Should -Not -Match "(?m)^\s*${hostOnly}:"
    }

    It 'gives the server no way out to this machine''s network' {
        $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try {
            $port = $listener.LocalEndpoint.Port
            $script:s | Submit-RideFix -Sql "COPY (SELECT 1) TO PROGRAM 'bash -c ""echo hello > /dev/tcp/127.0.0.1/$port"" || true';" -ErrorAction SilentlyContinue | Out-Null
            Start-Sleep -Milliseconds 300
            $listener.Pending() | Should -BeFalse -Because 'a program the server runs cannot connect to a port on this machine'
        } finally {
            $listener.Stop()
        }
    }

    It 'scores a fix that tampers with <Form>, reports it, and Reset and the next score work' -ForEach $tampering {
        $submission = $script:s | Submit-RideFix -Sql $Sql -ErrorAction SilentlyContinue
        $submission | Should -Not -BeNullOrEmpty
        $submission.Score | Should -Not -BeNullOrEmpty
        $tamper = $submission.Score.Checks | Where-Object Name -eq 'ride-untouched'
        $tamper | Should -Not -BeNullOrEmpty
        $tamper.Passed | Should -BeFalse
        $tamper.Evidence | Should -Match ([regex]::Escape($Finding))
        $submission.Score.Trap | Should -Be 0 -Because 'tampering with the grader forfeits the Trap points'

        $reset = $script:s | Reset-RideScenario -Confirm:$false
        $reset.Status | Should -Be 'Running'
        $script:s = $reset
        (Get-RideScore -Session $reset).Total | Should -Be $script:fresh
        ($reset | Submit-RideFix -Path (Join-Path (Get-ScenarioFolder $script:scenarioId) 'solution.sql')).Score.Total | Should -Be 100
    }
}

Describe 'Grading a class with a hostile file in the middle' {
    It 'grades every file of the folder' {
        $folder = Join-Path ([IO.Path]::GetTempPath()) ('ride-class-' + [Guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $folder | Out-Null
        $bait = New-Bait
        try {
            Copy-Item (Join-Path (Get-ScenarioFolder $script:scenarioId) 'solution.sql') (Join-Path $folder '1-alice.sql')
            Set-Content (Join-Path $folder '2-mallory.sql') "\! touch $($bait.Marker)`nALTER ROLE ride_system NOLOGIN;"
            Set-Content (Join-Path $folder '3-bob.sql') 'SELECT 1;'
            $grades = Get-ChildItem (Join-Path $folder '*.sql') | Sort-Object Name | ForEach-Object {
                $s = Start-RideScenario $script:scenarioId -Engine Local 6>$null
                $s | Submit-RideFix -Path $_.FullName -ErrorAction SilentlyContinue | Get-RideScore
                $s | Stop-RideScenario -Confirm:$false
            }
            $grades | Should -HaveCount 3
            $grades[0].Total | Should -Be 100
            $grades[1].Fix | Should -Be 0
            $grades[2].Fix | Should -Be 0
            $bait.Marker | Should -Not -Exist
        } finally {
            Remove-Item -Recurse -Force $folder, $bait.Secret -ErrorAction Ignore
        }
    }
}

Describe 'Submit-RideFix -Database' {
    It 'runs a fix in the database its author meant, without \connect' {
        $s = Start-RideScenario $script:scenarioId -Engine Local 6>$null
        try {
            $submission = $s | Submit-RideFix -Database app_db -Sql "ALTER TABLE orders ADD COLUMN legacy_status text; UPDATE orders SET legacy_status = status;"
            $submission.Succeeded | Should -BeTrue
            $submission.Database | Should -Be 'app_db'
            ($submission.Score.Checks | Where-Object Name -eq 'legacy-status-restored').Passed | Should -BeTrue
            { $s | Submit-RideFix -Database nowhere -Sql 'SELECT 1;' } | Should -Throw -ErrorId 'DatabaseNotFound,Ride.Cmdlets.SubmitRideFixCommand'
        } finally {
            $s | Stop-RideScenario -Confirm:$false
        }
    }
}

Describe 'Ride''s own connection slots' {
    It 'still scores and resets when the applications and the operator hold every slot they may' {
        $s = Start-RideScenario stage-03/01 -Engine Local 6>$null
        $held = @()
        try {
            # The operator takes the superuser slots the scenario's server would have; Ride's own reserve is left.
            foreach ($i in 1..3) {
                $builder = [Npgsql.NpgsqlConnectionStringBuilder]::new($s.ConnectionString)
                $builder.Pooling = $false
                $connection = [Npgsql.NpgsqlConnection]::new($builder.ConnectionString)
                try { $connection.Open(); $held += $connection } catch { $connection.Dispose() }
            }
            $held.Count | Should -BeGreaterThan 0
            (Get-RideScore -Session $s).Max | Should -Be 100
            ($s | Reset-RideScenario -Confirm:$false).Status | Should -Be 'Running'
        } finally {
            $held | ForEach-Object { $_.Dispose() }
            $s | Stop-RideScenario -Confirm:$false
        }
    }
}

# A drill that archives WAL gets an archive directory that can fill up but never fill the machine.
Describe 'An archive directory on <_>' -ForEach $engines {
    BeforeAll {
        $script:folder = Join-Path $env:RIDE_HOME ('archive-' + [Guid]::NewGuid().ToString('N').Substring(0, 8) + '/stage-00/01-smoke-test')
        New-Item -ItemType Directory -Path (Split-Path $script:folder) -Force | Out-Null
        Copy-Item -Recurse (Join-Path (Get-RepoRoot) 'tests/scenarios/stage-00/01-smoke-test') $script:folder
        $yml = Join-Path $script:folder 'scenario.yml'
        (Get-Content -Raw $yml) -replace '(?m)^databases:', "archiveSizeMb: 16`ndatabases:" | Set-Content -Path $yml -NoNewline
    }

    AfterAll {
        Remove-Item -Recurse -Force (Split-Path (Split-Path $script:folder)) -ErrorAction Ignore
    }

    It 'is a size-capped place at /ride/archive that refuses what does not fit' {
        $s = Start-RideScenario -Path $script:folder -Engine $_ 6>$null
        try {
            { Invoke-RideTestQuery -Session $s -Sql "COPY (SELECT 1) TO PROGRAM 'dd if=/dev/zero of=/ride/archive/fill bs=1M count=64'" } | Should -Throw '*dd*'
            $size = [long](Invoke-RideTestQuery -Session $s -Sql "SELECT (pg_stat_file('/ride/archive/fill')).size")[0]
            $size | Should -BeGreaterThan (8MB)
            $size | Should -BeLessOrEqual (16MB)
        } finally {
            $s | Stop-RideScenario -Confirm:$false
        }
    }
}
