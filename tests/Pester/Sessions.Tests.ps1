# The foundation on the Local engine: boot, query, sessions across processes, stop, and the documented faults.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-RideTest
}

Describe 'A Local sandbox' {
    BeforeAll {
        $script:session = Start-RideScenario stage-00/01 -Engine Local
    }

    AfterAll {
        if ($script:session) { $script:session | Stop-RideScenario -Confirm:$false -ErrorAction Ignore }
    }

    It 'returns a running session with a ready connection string and psql command' {
        $script:session | Should -BeOfType ([Ride.Sessions.RideSession])
        $script:session.Status | Should -Be 'Running'
        $script:session.Engine | Should -Be 'Local'
        $script:session.Host | Should -Be '127.0.0.1'
        $script:session.PsqlCommand | Should -Match "^psql `"postgresql://dba:.+@127\.0\.0\.1:$($script:session.Port)/incident`"$"
    }

    It 'answers queries as the operator, with the scenario seeded' {
        (Invoke-RideTestQuery -Session $script:session -Database app_db -Sql 'SELECT count(*) FROM items')[0] | Should -Be 3
        (Invoke-RideTestQuery -Session $script:session -Sql 'SELECT current_user')[0] | Should -Be 'dba'
        (Invoke-RideTestQuery -Session $script:session -Sql "SELECT rolsuper FROM pg_roles WHERE rolname = 'dba'")[0] | Should -BeTrue
    }

    It 'listens on loopback only, with pg_stat_statements preloaded and logging configured' {
        (Invoke-RideTestQuery -Session $script:session -Sql 'SHOW listen_addresses')[0] | Should -Be '127.0.0.1'
        (Invoke-RideTestQuery -Session $script:session -Sql 'SHOW shared_preload_libraries')[0] | Should -Match 'pg_stat_statements'
        (Invoke-RideTestQuery -Session $script:session -Sql 'SELECT count(*) FROM pg_stat_statements')[0] | Should -BeGreaterOrEqual 0
        (Invoke-RideTestQuery -Session $script:session -Sql 'SHOW log_line_prefix')[0] | Should -Match '%a'
        (Invoke-RideTestQuery -Session $script:session -Sql 'SHOW log_line_prefix')[0] | Should -Match '%d'
        (Invoke-RideTestQuery -Session $script:session -Sql 'SHOW track_io_timing')[0] | Should -Be 'on'
        (Invoke-RideTestQuery -Session $script:session -Sql "SELECT rolpassword LIKE 'SCRAM-SHA-256%' FROM pg_authid WHERE rolname = 'dba'")[0] | Should -BeTrue
    }

    It 'rejects a wrong password' {
        $builder = [Npgsql.NpgsqlConnectionStringBuilder]::new($script:session.ConnectionString)
        $builder.Password = 'wrong'
        $builder.Pooling = $false
        $connection = [Npgsql.NpgsqlConnection]::new($builder.ConnectionString)
        { $connection.Open() } | Should -Throw '*password authentication failed*'
        $connection.Dispose()
    }

    It 'is listed by a brand-new pwsh process' {
        $ids = Invoke-FreshPwsh "(Get-RideSession | Where-Object Status -eq 'Running').SessionId"
        $ids | Should -Contain $script:session.SessionId
    }

    It 'keeps its actors connected after the pwsh that started it is gone' {
        $activity = Get-RideActivity -Session $script:session -ApplicationName 'probe*'
        $activity | Should -HaveCount 1
        $activity[0].Database | Should -Be 'app_db'
        $activity[0].UserName | Should -Be 'app_user'
    }

    It 'is found by id and by wildcard' {
        (Get-RideSession -Id $script:session.SessionId).SessionId | Should -Be $script:session.SessionId
        (Get-RideSession -Id ($script:session.SessionId.Substring(0, 3) + '*')).SessionId | Should -Contain $script:session.SessionId
        { Get-RideSession -Id 'nosuchid' -ErrorAction Stop } | Should -Throw -ErrorId 'SessionNotFound,Ride.Cmdlets.GetRideSessionCommand'
    }
}

Describe 'Stop-RideScenario' {
    It 'stops the server and actors and leaves no process or folder behind' {
        $s = Start-RideScenario stage-00/01 -Engine Local
        $folder = Join-Path $env:RIDE_HOME "sessions/$($s.SessionId)"
        Test-Path $folder | Should -BeTrue
        $serverPids = @(Get-ProcessIdsOf ([regex]::Escape("sessions/$($s.SessionId)/")))
        $serverPids.Count | Should -BeGreaterThan 1

        $s | Stop-RideScenario -Confirm:$false

        Test-Path $folder | Should -BeFalse
        Get-RideSession | Where-Object SessionId -eq $s.SessionId | Should -BeNullOrEmpty
        Wait-RideCondition -Because 'the server and actor processes to exit' -TimeoutSec 10 -Condition {
            @($serverPids | Where-Object { Test-Path "/proc/$_/cmdline" } | Where-Object { (Get-Content -Raw "/proc/$_/cmdline" -ErrorAction Ignore) }).Count -eq 0
        } | Should -BeTrue
    }

    It 'supports -WhatIf and leaves the session running' {
        $s = Start-RideScenario stage-00/01 -Engine Local
        try {
            $s | Stop-RideScenario -WhatIf
            (Get-RideSession -Id $s.SessionId).Status | Should -Be 'Running'
        } finally {
            $s | Stop-RideScenario -Confirm:$false
        }
    }

    It 'returns the session with -PassThru' {
        $s = Start-RideScenario stage-00/01 -Engine Local
        $stopped = $s | Stop-RideScenario -Confirm:$false -PassThru
        $stopped.SessionId | Should -Be $s.SessionId
        $stopped.Status | Should -Be 'Stopped'
    }

    It 'cleans up a session whose server was killed by hand, and says so' {
        $s = Start-RideScenario stage-00/01 -Engine Local
        $dataDir = (Get-Content -Raw (Join-Path $env:RIDE_HOME "sessions/$($s.SessionId)/session.json") | ConvertFrom-Json).Nodes[0].DataDirectory
        $postmaster = [int](Get-Content (Join-Path $dataDir 'postmaster.pid') -TotalCount 1)
        Stop-Process -Id $postmaster -Force
        Wait-RideCondition -Because 'the session to show as lost' -Condition { (Get-RideSession -Id $s.SessionId).Status -eq 'Lost' } | Should -BeTrue

        $warnings = $s | Stop-RideScenario -Confirm:$false 3>&1
        ($warnings | Out-String) | Should -Match 'no longer running'
        Test-Path (Join-Path $env:RIDE_HOME "sessions/$($s.SessionId)") | Should -BeFalse
        Test-Path $dataDir | Should -BeFalse
    }

    It 'names the sessions when several are live and none is given' {
        $a = Start-RideScenario stage-00/01 -Engine Local
        $b = Start-RideScenario stage-00/01 -Engine Local
        try {
            { Get-RideHint -ErrorAction Stop } | Should -Throw -ErrorId 'SessionAmbiguous,Ride.Cmdlets.GetRideHintCommand'
            try { Get-RideHint } catch { $message = $_.Exception.Message }
            $message | Should -Match $a.SessionId
            $message | Should -Match $b.SessionId
        } finally {
            $a, $b | Stop-RideScenario -Confirm:$false
        }
    }
}

Describe 'Faults at start' {
    It 'reports missing PostgreSQL binaries with what was searched and how to install them' {
        $empty = Join-Path ([IO.Path]::GetTempPath()) ('ride-nobin-' + [Guid]::NewGuid().ToString('N').Substring(0, 8))
        New-Item -ItemType Directory -Path $empty | Out-Null
        $env:RIDE_PG_BIN = $empty
        try {
            { Start-RideScenario stage-00/01 -Engine Local } | Should -Throw -ErrorId 'PostgresBinariesNotFound,Ride.Cmdlets.StartRideScenarioCommand'
            try { Start-RideScenario stage-00/01 -Engine Local } catch { $message = $_.Exception.Message }
            $message | Should -Match ([regex]::Escape($empty))
            $message | Should -Match 'apt-get install postgresql'
            Get-RideSession | Should -BeNullOrEmpty
        } finally {
            Remove-Item Env:RIDE_PG_BIN
            Remove-Item $empty
        }
    }

    It 'moves to another port when the chosen one is taken, without telling the user' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $taken = $listener.LocalEndpoint.Port
        $env:RIDE_PORT = "$taken"
        try {
            $s = Start-RideScenario stage-00/01 -Engine Local -WarningVariable warned -ErrorVariable failed
            $s.Status | Should -Be 'Running'
            $s.Port | Should -Not -Be $taken
            $warned | Should -BeNullOrEmpty
            $failed | Should -BeNullOrEmpty
            (Invoke-RideTestQuery -Session $s -Sql 'SELECT 1')[0] | Should -Be 1
        } finally {
            Remove-Item Env:RIDE_PORT
            $listener.Stop()
            if ($s) { $s | Stop-RideScenario -Confirm:$false }
        }
    }

    It 'reports a failing setup script with its line and message, and leaves nothing behind' {
        $before = @(Get-ChildItem (Join-Path $env:RIDE_HOME 'sessions') -ErrorAction Ignore).Count
        $processesBefore = @(Get-ProcessIdsOf ([regex]::Escape($env:RIDE_HOME))).Count
        try { Start-RideScenario stage-00/02 -Engine Local } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'SetupScriptFailed,Ride.Cmdlets.StartRideScenarioCommand'
        $err.Exception.Message | Should -Match 'setup\.sql line 4'
        $err.Exception.Message | Should -Match 'column "no_such_column" does not exist'
        @(Get-ChildItem (Join-Path $env:RIDE_HOME 'sessions') -ErrorAction Ignore).Count | Should -Be $before
        Get-RideSession | Should -BeNullOrEmpty
        @(Get-ProcessIdsOf ([regex]::Escape($env:RIDE_HOME))).Count | Should -Be $processesBefore
    }

    It 'rejects an invalid RIDE_PORT with a clear error' {
        $env:RIDE_PORT = 'eighty'
        try {
            { Start-RideScenario stage-00/01 -Engine Local } | Should -Throw -ErrorId 'InvalidPort,Ride.Cmdlets.StartRideScenarioCommand'
        } finally {
            Remove-Item Env:RIDE_PORT
        }
    }

    It 'rejects an unknown scenario before creating anything' {
        { Start-RideScenario stage-42/42 -Engine Local } | Should -Throw -ErrorId 'ScenarioNotFound,Ride.Cmdlets.StartRideScenarioCommand'
        Get-RideSession | Should -BeNullOrEmpty
    }
}
