BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-RideTest
}

Describe 'Get-RideScenario' {
    It 'finds the first scenario by its full id' {
        $s = Get-RideScenario -Id 'stage-09/05-backward-incompatible-migration'
        $s | Should -HaveCount 1
        $s.Id | Should -Be 'stage-09/05-backward-incompatible-migration'
        $s.ShortId | Should -Be 'stage-09/05'
        $s.Title | Should -Be 'Backward-incompatible migration'
        $s.Databases | Should -Contain 'app_db'
        $s | Should -BeOfType ([Ride.Scenarios.RideScenario])
    }

    It 'finds it by its short id' {
        (Get-RideScenario stage-09/05).Id | Should -Be 'stage-09/05-backward-incompatible-migration'
    }

    It 'finds a drill by an alias, the slug of its catalog page address' {
        $s = Get-RideScenario 'stage-09/02-create-index-without-concurrently-migration'
        $s.Id | Should -Be 'stage-09/02-create-index-without-concurrently'
        $s.Aliases | Should -Be @('stage-09/02-create-index-without-concurrently-migration')
    }

    It 'accepts wildcards' {
        $ids = (Get-RideScenario 'stage-00/*').Id
        $ids | Should -Contain 'stage-00/01-smoke-test'
        $ids | Should -Not -Contain 'stage-09/05-backward-incompatible-migration'
    }

    It 'filters by topic and level' {
        (Get-RideScenario -Topic 'Migrations*').Id | Should -Contain 'stage-09/05-backward-incompatible-migration'
        (Get-RideScenario -Level L4).Id | Should -Contain 'stage-09/05-backward-incompatible-migration'
        Get-RideScenario -Level L9 | Should -BeNullOrEmpty
    }

    It 'reads folders from RIDE_SCENARIO_PATH as well as the module' {
        (Get-RideScenario).Id | Should -Contain 'stage-00/01-smoke-test'
        (Get-RideScenario).Id | Should -Contain 'stage-09/05-backward-incompatible-migration'
    }

    It 'names the closest ids when the id is unknown' {
        { Get-RideScenario stage-09/06 } | Should -Throw -ErrorId 'ScenarioNotFound,Ride.Cmdlets.GetRideScenarioCommand'
        try { Get-RideScenario 'stage-09/05-backward-incompatible-migrashun' } catch { $message = $_.Exception.Message }
        $message | Should -Match 'Closest: stage-09/05-backward-incompatible-migration'
    }

    It 'pipes into Start-RideScenario by property name' {
        $command = Get-Command Start-RideScenario
        $command.Parameters['Id'].ParameterSets.Values.ValueFromPipelineByPropertyName | Should -Contain $true
    }

    It 'completes scenario ids on Tab' {
        $line = 'Start-RideScenario stage-09/0'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Should -Contain 'stage-09/05-backward-incompatible-migration'
    }
}

Describe 'A malformed scenario.yml' {
    BeforeEach {
        $script:bad = Join-Path ([IO.Path]::GetTempPath()) ('ride-bad-' + [Guid]::NewGuid().ToString('N').Substring(0, 8))
        $folder = Join-Path $script:bad 'stage-99/01-bad'
        New-Item -ItemType Directory -Path $folder | Out-Null
        Copy-Item (Join-Path (Get-RepoRoot) 'tests/scenarios/stage-00/01-smoke-test/*') $folder
        $script:yml = Join-Path $folder 'scenario.yml'
        $script:saved = $env:RIDE_SCENARIO_PATH
        $env:RIDE_SCENARIO_PATH = $script:bad
    }

    AfterEach {
        $env:RIDE_SCENARIO_PATH = $script:saved
        Remove-Item -Recurse -Force $script:bad
    }

    It 'is an error naming the file, line and field of a bad value' {
        (Get-Content $script:yml) -replace '^id: .*$', 'id: stage-99/01-bad' -replace '      points: 40', '      points: many' | Set-Content $script:yml
        try { Get-RideScenario stage-99/01 } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'ScenarioInvalid,Ride.Cmdlets.GetRideScenarioCommand'
        $lineNumber = (Select-String -Path $script:yml -Pattern 'points: many').LineNumber | Select-Object -First 1
        $err.Exception.Message | Should -Match ([regex]::Escape("scenario.yml:$lineNumber"))
        $err.Exception.Message | Should -Match "field 'points'"
    }

    It 'is an error naming the field that breaks a rule' {
        (Get-Content $script:yml) -replace '^id: .*$', 'id: stage-99/01-bad' -replace '    connections: 1', '    connections: 0' | Set-Content $script:yml
        try { Get-RideScenario stage-99/01 } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -Be 'ScenarioInvalid,Ride.Cmdlets.GetRideScenarioCommand'
        $lineNumber = (Select-String -Path $script:yml -Pattern 'connections: 0').LineNumber
        $err.Exception.Message | Should -Match ([regex]::Escape("scenario.yml:${lineNumber}: field 'actors[0].connections'"))
    }

    It 'is reported while the rest of the catalog is still listed' {
        (Get-Content $script:yml) -replace '^id: .*$', 'id: Not An Id' | Set-Content $script:yml
        $listed = Get-RideScenario -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -Be 'ScenarioInvalid,Ride.Cmdlets.GetRideScenarioCommand'
        $problems[0].Exception.Message | Should -Match "scenario.yml:\d+: field 'id'"
        $listed.Id | Should -Contain 'stage-09/05-backward-incompatible-migration'
    }
}

Describe 'Start-RideScenario -Path' {
    BeforeEach {
        $script:root = Join-Path ([IO.Path]::GetTempPath()) ('ride-path-' + [Guid]::NewGuid().ToString('N').Substring(0, 8))
        $script:folder = Join-Path $script:root 'stage-99/02-out-of-catalog'
        New-Item -ItemType Directory -Path $script:folder | Out-Null
        Copy-Item (Join-Path (Get-RepoRoot) 'tests/scenarios/stage-00/01-smoke-test/*') $script:folder
        $yml = Join-Path $script:folder 'scenario.yml'
        (Get-Content $yml) -replace '^id: .*$', 'id: stage-99/02-out-of-catalog' | Set-Content $yml
        $script:before = Get-RideSessionIds
    }

    AfterEach {
        Get-RideSession | Where-Object SessionId -notin $script:before | Stop-RideScenario -Confirm:$false
        Remove-Item -Recurse -Force $script:root
    }

    It 'starts a folder that is not in the catalog, and Reset and Stop work on it' {
        Get-RideScenario -Id 'stage-99/02*' | Should -BeNullOrEmpty -Because 'the folder is not on RIDE_SCENARIO_PATH'
        $session = Start-RideScenario -Path $script:folder -Engine Local 6>$null
        $session.ScenarioId | Should -Be 'stage-99/02-out-of-catalog'
        ($session | Reset-RideScenario -Confirm:$false).ScenarioId | Should -Be 'stage-99/02-out-of-catalog'
        $session | Stop-RideScenario -Confirm:$false
        Get-RideSessionIds | Should -Not -Contain $session.SessionId
    }

    It 'names a folder without scenario.yml and starts nothing' {
        Remove-Item (Join-Path $script:folder 'scenario.yml')
        { Start-RideScenario -Path $script:folder -Engine Local } | Should -Throw -ErrorId 'ScenarioFileNotFound,Ride.Cmdlets.StartRideScenarioCommand'
        Get-RideSessionIds | Should -Be $script:before
    }
}
