# Ride behaves like a well-kept gallery module: a complete manifest with explicit exports, -? and common
# parameters everywhere, default views and the score card, tab completion, the documented error ids, and the
# `ride postgres ...` front door driving a whole drill on the Local engine.
BeforeDiscovery {
    Import-Module $env:RIDE_MODULE_PATH -Force
    $commands = foreach ($command in (Get-Command -Module Ride -CommandType Cmdlet | Sort-Object Name)) { @{ Name = $command.Name } }
}

BeforeAll {
    Import-Module $env:RIDE_MODULE_PATH -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Initialize-RideTest
    $script:scenarioId = 'stage-09/05-backward-incompatible-migration'

    function Get-CompletionText([string] $Line) {
        (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText
    }

    function Remove-Ansi([string] $Text) { $Text -replace "`e\[[0-9;]*m", '' }
}

Describe 'The module manifest' {
    BeforeAll {
        $script:data = Import-PowerShellDataFile $env:RIDE_MODULE_PATH
        $script:manifest = Test-ModuleManifest -Path $env:RIDE_MODULE_PATH -ErrorAction Stop
    }

    It 'passes Test-ModuleManifest with the version the build stamped from src/Directory.Build.props' {
        $props = [xml](Get-Content -Raw (Join-Path (Get-RepoRoot) 'src/Directory.Build.props'))
        $script:manifest.Version | Should -Be ([version]$props.Project.PropertyGroup.Version)
        Get-Content -Raw (Join-Path (Get-RepoRoot) 'module/Ride.psd1') | Should -Match '\{\{ModuleVersion\}\}'
    }

    It 'has what the gallery shows: GUID, author, description, editions, PowerShell version, tags, license, release notes' {
        $script:data.GUID | Should -Match '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$'
        $script:data.Author | Should -Not -BeNullOrEmpty
        $script:data.Description.Length | Should -BeGreaterThan 40
        $script:data.CompatiblePSEditions | Should -Be @('Core')
        $script:data.PowerShellVersion | Should -Be '7.4'
        $script:data.PrivateData.PSData.Tags | Should -Contain 'PostgreSQL'
        $script:data.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Core'
        $script:data.PrivateData.PSData.LicenseUri | Should -Match '^https://'
        $script:data.PrivateData.PSData.ReleaseNotes | Should -Not -BeNullOrEmpty
    }

    It 'wires in the formats and the help' {
        $folder = Split-Path $env:RIDE_MODULE_PATH
        $script:data.FormatsToProcess | Should -Be @('Ride.Format.ps1xml')
        Join-Path $folder 'Ride.Format.ps1xml' | Should -Exist
        Join-Path $folder 'en-US/Ride.Cmdlets.dll-Help.xml' | Should -Exist
        Join-Path $folder 'en-US/about_Ride.help.txt' | Should -Exist
    }

    It 'lists every export explicitly, without wildcards' {
        foreach ($key in 'CmdletsToExport', 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport') {
            $script:data.ContainsKey($key) | Should -BeTrue -Because "$key must be stated, or PowerShell exports everything"
            @($script:data[$key]) | Where-Object { [WildcardPattern]::ContainsWildcardCharacters($_) } | Should -BeNullOrEmpty -Because "$key must not use wildcards"
        }
    }

    It 'exports exactly the commands it lists, and every cmdlet the assembly defines' {
        $exported = @(Get-Command -Module Ride -CommandType Cmdlet).Name | Sort-Object
        $exported | Should -Be (@($script:data.CmdletsToExport) | Sort-Object)
        $defined = [Ride.Cmdlets.RideCmdlet].Assembly.GetExportedTypes() |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { "$($_.VerbName)-$($_.NounName)" } | Sort-Object
        $defined | Should -Be $exported
        @(Get-Command -Module Ride -CommandType Alias).Name | Should -Be @($script:data.AliasesToExport)
        (Get-Command ride).ResolvedCommand.Name | Should -Be 'Invoke-Ride'
    }
}

Describe '<Name> behaves like a native command' -ForEach $commands {
    BeforeAll {
        $command = Get-Command -Name $Name -Module Ride
    }

    It 'answers -? with its help' {
        $help = & $Name -?
        $text = $help | Out-String
        $text | Should -Match ([regex]::Escape($Name))
        $text | Should -Match 'SYNOPSIS'
        "$($help.Synopsis)" | Should -Not -BeLike "$Name *" -Because 'a synopsis that is the syntax means the help was not found'
    }

    It 'supports the common parameters, and -WhatIf/-Confirm when it changes things' {
        foreach ($parameter in [System.Management.Automation.PSCmdlet]::CommonParameters) {
            $command.Parameters.Keys | Should -Contain $parameter
        }
        $attribute = $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        if ($attribute.SupportsShouldProcess) {
            $command.Parameters.Keys | Should -Contain 'WhatIf'
            $command.Parameters.Keys | Should -Contain 'Confirm'
        }
    }

    It 'declares its output types' {
        $command.OutputType | Should -Not -BeNullOrEmpty
        foreach ($type in $command.OutputType) {
            $type.Type | Should -Not -BeNullOrEmpty -Because "[OutputType] of $Name must name a loadable type ($($type.Name))"
        }
    }
}

Describe 'A drill through the ride front door, on the Local engine' {
    BeforeAll {
        $script:session = ride postgres start $script:scenarioId --engine local 6>$null
        $script:solution = Join-Path (Get-RideScenario $script:scenarioId).Path 'solution.sql'
    }

    AfterAll {
        if ($script:session -and (Get-RideSession | Where-Object SessionId -EQ $script:session.SessionId)) {
            $script:session | Stop-RideScenario -Confirm:$false
        }
    }

    It 'starts the scenario named on its page, verbatim' {
        $script:session | Should -BeOfType ([Ride.Sessions.RideSession])
        $script:session.ScenarioId | Should -Be $script:scenarioId
        $script:session.Engine | Should -Be 'Local'
        $script:session.Status | Should -Be 'Running'
    }

    It 'shows the session with status' {
        $status = @(ride postgres status)
        $status.SessionId | Should -Contain $script:session.SessionId
        ($status | Where-Object SessionId -EQ $script:session.SessionId).Status | Should -Be 'Running'
        (ride postgres status $script:session.SessionId).SessionId | Should -Be $script:session.SessionId
    }

    It 'lists the activity of the applications, filtered by application name' {
        $old = @(ride postgres activity 'old_app*')
        $old | Should -HaveCount 2
        $old[0] | Should -BeOfType ([Ride.Workload.RideActivity])
        @(ride postgres activity 'old_app*' 'new_app*') | Should -HaveCount 4
    }

    It 'keeps the postmortem locked before a submission' {
        { ride postgres postmortem } | Should -Throw -ErrorId 'PostmortemLocked,Ride.Cmdlets.InvokeRideCommand'
        $record = { Get-RidePostmortem } | Should -Throw -ErrorId 'PostmortemLocked,Ride.Cmdlets.GetRidePostmortemCommand' -PassThru
        $record.CategoryInfo.Category | Should -Be 'PermissionDenied'
    }

    It 'reveals hints one at a time, and --all rereads them' {
        $hint = ride postgres hint
        $hint | Should -BeOfType ([Ride.Scenarios.RideHint])
        $hint.Number | Should -Be 1
        @(ride postgres hint --all).Number | Should -Be @(1)
    }

    It 'reads the application log and, with --server or -Source Server, the server log' {
        $app = @(ride postgres log)
        $app | Should -Not -BeNullOrEmpty
        $app.Source | Sort-Object -Unique | Should -Be 'App'
        $server = Wait-RideCondition -Because 'the server to log the failing requests' -Condition { @(ride postgres log --server) }
        $server.Source | Sort-Object -Unique | Should -Be 'Server'
        (@(ride postgres log -Source Server).Source | Sort-Object -Unique) | Should -Be 'Server'
    }

    It 'fails with FixFileNotFound for a fix file that does not exist' {
        $missing = Join-Path $TestDrive 'no-such-fix.sql'
        $record = { Submit-RideFix -Path $missing } | Should -Throw -ErrorId 'FixFileNotFound,Ride.Cmdlets.SubmitRideFixCommand' -PassThru
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        { ride postgres submit $missing } | Should -Throw -ErrorId 'FixFileNotFound,Ride.Cmdlets.InvokeRideCommand'
    }

    It 'submits the reference solution and scores 100' {
        $script:submission = ride postgres submit $script:solution
        $script:submission | Should -BeOfType ([Ride.Scoring.RideSubmission])
        $script:submission.Succeeded | Should -BeTrue
        $script:score = ride postgres score
        $script:score | Should -BeOfType ([Ride.Scoring.RideScore])
        $script:score.Total | Should -Be 100
        $script:score.HintsUsed | Should -Be 1
    }

    It 'opens the postmortem after the submission' {
        $postmortem = ride postgres postmortem
        $postmortem | Should -BeOfType ([Ride.Scenarios.RidePostmortem])
        $postmortem.Text | Should -Match 'legacy_status'
    }

    It 'completes session ids and the application names of the live session on Tab' {
        $prefix = $script:session.SessionId.Substring(0, 3)
        Get-CompletionText "Get-RideSession -Id $prefix" | Should -Contain $script:session.SessionId
        Get-CompletionText "Stop-RideScenario -Session $prefix" | Should -Contain $script:session.SessionId
        Get-CompletionText 'Get-RideActivity -ApplicationName old' | Should -Contain 'old_app_v1.8'
        Get-CompletionText 'Get-RideActivity -ApplicationName new' | Should -Contain 'new_app_v2.0'
        Get-CompletionText 'ride postgres activity old' | Should -Contain 'old_app_v1.8'
        Get-CompletionText "ride postgres status $prefix" | Should -Contain $script:session.SessionId
    }

    Context 'default views' {
        BeforeAll {
            $script:objects = @{
                'Ride.Scenarios.RideScenario'           = Get-RideScenario $script:scenarioId
                'Ride.Sessions.RideSession'             = Get-RideSession -Id $script:session.SessionId
                'Ride.Workload.RideActivity'            = @(Get-RideActivity)
                'Ride.Scenarios.RideHint'               = @(Get-RideHint -All)
                'Ride.Workload.RideLogEntry'            = @(Get-RideLog | Select-Object -First 5)
                'Ride.Scoring.RideSubmission'           = $script:submission
                'Ride.Scoring.RideScore'                = $script:score
                'Ride.Scoring.RideCheck'                = $script:score.Checks
                'Ride.Scenarios.RidePostmortem'         = Get-RidePostmortem
                'Ride.Scenarios.RideScenarioTestResult' = [Ride.Scenarios.RideScenarioTestResult]@{
                    ScenarioId = $script:scenarioId; Engine = 'Local'; Expectation = 'solution-scores-full'; Passed = $true; Detail = '100/100'; Duration = [timespan]::FromSeconds(4.2)
                }
            }
            $script:rendering = $PSStyle.OutputRendering
        }

        AfterEach {
            $PSStyle.OutputRendering = $script:rendering
        }

        It 'renders <_> with Format-Table, Format-List and Out-String' -ForEach @(
            'Ride.Scenarios.RideScenario', 'Ride.Sessions.RideSession', 'Ride.Workload.RideActivity', 'Ride.Scenarios.RideHint',
            'Ride.Workload.RideLogEntry', 'Ride.Scoring.RideSubmission', 'Ride.Scoring.RideScore', 'Ride.Scoring.RideCheck',
            'Ride.Scenarios.RidePostmortem', 'Ride.Scenarios.RideScenarioTestResult'
        ) {
            $object = $script:objects[$_]
            $object | Should -Not -BeNullOrEmpty
            @($object)[0].GetType().FullName | Should -Be $_
            ($object | Format-Table | Out-String -Width 200).Trim() | Should -Not -BeNullOrEmpty
            ($object | Format-List | Out-String -Width 200).Trim() | Should -Not -BeNullOrEmpty
            ($object | Out-String -Width 200).Trim() | Should -Not -BeNullOrEmpty
        }

        It 'shows a short table for <Type>' -ForEach @(
            @{ Type = 'Ride.Workload.RideActivity'; Columns = 'Pid', 'ApplicationName', 'Database', 'State', 'BlockedBy', 'Query'; Hidden = 'BackendXmin' }
            @{ Type = 'Ride.Scenarios.RideHint'; Columns = 'Hint', 'Text'; Hidden = 'ScenarioId' }
            @{ Type = 'Ride.Workload.RideLogEntry'; Columns = 'Time', 'From', 'Level', 'SqlState', 'Message'; Hidden = 'SessionId' }
            @{ Type = 'Ride.Scoring.RideSubmission'; Columns = 'SessionId', 'Succeeded', 'Score', 'Duration'; Hidden = 'Output' }
            @{ Type = 'Ride.Scenarios.RideScenarioTestResult'; Columns = 'Result', 'Expectation', 'Detail'; Hidden = 'ScenarioId' }
        ) {
            $header = (($script:objects[$Type] | Out-String -Width 250) -split "`n" | Where-Object { $_.Trim() } | Select-Object -First 1)
            foreach ($column in $Columns) { $header | Should -Match "\b$column\b" }
            $header | Should -Not -Match "\b$Hidden\b"
        }

        It 'shows Detect / Fix / Trap / Total at a glance with Format-Table' {
            $table = $script:score | Format-Table | Out-String -Width 200
            $table | Should -Match 'Detect\s+Fix\s+Trap\s+Total'
            $table | Should -Match '40/40\s+40/40\s+20/20\s+100/100'
        }

        It 'lists a check with its category, points and evidence' {
            $list = $script:score.Checks[0] | Out-String -Width 200
            $list | Should -Match 'Category\s+: Detect'
            $list | Should -Match 'Points\s+: \d+/\d+'
            $list | Should -Match 'Evidence\s+:'
        }

        It 'shows the score card in plain text when output rendering is PlainText' {
            $PSStyle.OutputRendering = 'PlainText'
            $card = $script:score | Out-String -Width 200
            $card | Should -Not -Match "`e\["
            $card | Should -Match '(?m)^\s+Detect\s+40/40\s*$'
            $card | Should -Match '(?m)^\s+Fix\s+40/40\s*$'
            $card | Should -Match '(?m)^\s+Trap\s+20/20\s*$'
            $card | Should -Match '(?m)^\s+Total\s+100/100'
            $card | Should -Match 'Hints used: 1'
            @($card -split "`n" | Where-Object { $_ -match '^\s+✓ (Detect|Fix|Trap)\s+\d+/\d+' }) | Should -HaveCount $script:score.Checks.Count
        }

        It 'colours the score card through $PSStyle when output rendering is ANSI' {
            $PSStyle.OutputRendering = 'Ansi'
            $card = $script:score | Out-String -Width 200
            $card | Should -Match ([regex]::Escape($PSStyle.Foreground.Green))
            Remove-Ansi $card | Should -Match '(?m)^\s+Detect\s+40/40\s*$'
            # Each painted part carries its own colour; the host must not repeat earlier sequences on every line.
            $card | Should -Not -Match "`e\[[0-9;]*m`e\[0m"
        }

        It 'marks failed checks with ✗ and their evidence' {
            $PSStyle.OutputRendering = 'PlainText'
            $checks = @(
                [Ride.Scoring.RideCheck]@{ Category = 'Detect'; Name = 'columns-inspected'; Points = 20; MaxPoints = 20; Passed = $true; Evidence = 'information_schema.columns' }
                [Ride.Scoring.RideCheck]@{ Category = 'Trap'; Name = 'index-on-orders'; Points = 0; MaxPoints = 6; Passed = $false; Evidence = 'orders_status_idx was added' }
            )
            $partial = [Ride.Scoring.RideScore]@{ SessionId = 'abcd1234'; ScenarioId = $script:scenarioId; Detect = 20; DetectMax = 40; Fix = 0; FixMax = 40; Trap = 14; TrapMax = 20; Checks = $checks }
            $card = $partial | Out-String -Width 200
            $card | Should -Match '(?m)^\s+Total\s+34/100\s+34 %\s+not passed'
            $card | Should -Match '✓ Detect\s+20/20\s+columns-inspected\s+information_schema\.columns'
            $card | Should -Match '✗ Trap\s+0/6\s+index-on-orders\s+orders_status_idx was added'
        }
    }

    It 'passes cmdlet parameters through: stop -WhatIf leaves the session running' {
        ride postgres stop -WhatIf
        (Get-RideSession -Id $script:session.SessionId).Status | Should -Be 'Running'
    }

    It 'resets the incident' {
        $reset = ride postgres reset
        $reset | Should -BeOfType ([Ride.Sessions.RideSession])
        $reset.SessionId | Should -Be $script:session.SessionId
        $reset.HintsUsed | Should -Be 0
        (ride postgres score).Fix | Should -Be 0
    }

    It 'stops the session' {
        ride postgres stop
        Get-RideSession | Where-Object SessionId -EQ $script:session.SessionId | Should -BeNullOrEmpty
    }
}

Describe 'The ride front door without a session' {
    BeforeAll {
        # An empty state folder, so that no session from another suite is live.
        $script:savedRideHome = $env:RIDE_HOME
        $env:RIDE_HOME = Join-Path $TestDrive 'ride-home'
        New-Item -ItemType Directory -Path $env:RIDE_HOME | Out-Null
    }

    AfterAll {
        $env:RIDE_HOME = $script:savedRideHome
    }

    It 'prints the usage for <_>' -ForEach @('ride', 'ride help', 'ride postgres', 'ride postgres help', 'ride postgres start --help') {
        $usage = Invoke-Expression $_ | Out-String
        $usage | Should -Match 'Usage: ride postgres <verb>'
        foreach ($verb in 'list', 'start', 'status', 'activity', 'hint', 'log', 'submit', 'score', 'postmortem', 'reset', 'stop') {
            $usage | Should -Match "(?m)^\s+$verb\b"
        }
        $usage | Should -Match '--engine docker\|local'
    }

    It 'answers ride -? with the help of Invoke-Ride' {
        ride -? | Out-String | Should -Match 'Invoke-Ride'
    }

    It 'lists the catalog' {
        (ride postgres list stage-09/05).Id | Should -Be $script:scenarioId
    }

    It 'rejects an unknown command with UnknownRideCommand, naming the verbs' {
        $record = { ride nonsense } | Should -Throw -ErrorId 'UnknownRideCommand,Ride.Cmdlets.InvokeRideCommand' -PassThru
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $record.Exception.Message | Should -Match 'start\|status'
        $record = { ride postgres nonsense } | Should -Throw -ErrorId 'UnknownRideCommand,Ride.Cmdlets.InvokeRideCommand' -PassThru
        $record.Exception.Message | Should -Match 'list, start, status, activity, hint, log, submit, score, postmortem, action, reset, stop'
    }

    It 'rejects ''<_>'' with InvalidRideArgument and the usage of the verb' -ForEach @(
        'ride postgres start', 'ride postgres start a b', 'ride postgres hint --bogus', 'ride postgres score extra',
        'ride postgres start stage-09/05 --engine', 'ride postgres hint --all=no', 'ride postgres log -NoSuchParameter', 'ride postgres hint -All:maybe'
    ) {
        $line = $_
        $record = { Invoke-Expression $line } | Should -Throw -ErrorId 'InvalidRideArgument,Ride.Cmdlets.InvokeRideCommand' -PassThru
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $record.Exception.Message | Should -Match 'Usage: ride postgres'
    }

    It 'completes the track, the verbs, scenario ids and engines on Tab' {
        Get-CompletionText 'ride pos' | Should -Be @('postgres')
        Get-CompletionText 'ride postgres st' | Should -Be @('start', 'status', 'stop')
        Get-CompletionText 'ride postgres start stage-09/0' | Should -Contain $script:scenarioId
        Get-CompletionText 'ride postgres start stage-09/05 --engine l' | Should -Be @('Local')
        Get-CompletionText 'Start-RideScenario stage-09/0' | Should -Contain $script:scenarioId
    }

    It 'fails with NoSession when no session is live' {
        $record = { Get-RideScore } | Should -Throw -ErrorId 'NoSession,Ride.Cmdlets.GetRideScoreCommand' -PassThru
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        { ride postgres hint } | Should -Throw -ErrorId 'NoSession,Ride.Cmdlets.InvokeRideCommand'
    }

    It 'fails with SessionNotFound for an unknown session id' {
        { Get-RideHint -Session nosuch } | Should -Throw -ErrorId 'SessionNotFound,Ride.Cmdlets.GetRideHintCommand'
        { Get-RideSession -Id nosuch -ErrorAction Stop } | Should -Throw -ErrorId 'SessionNotFound,Ride.Cmdlets.GetRideSessionCommand'
        { ride postgres status nosuch -ErrorAction Stop } | Should -Throw -ErrorId 'SessionNotFound,Ride.Cmdlets.InvokeRideCommand'
    }

    It 'fails with ScenarioNotFound for an unknown scenario' {
        $sessionsBefore = Get-RideSessionIds
        $record = { Start-RideScenario stage-99/99-no-such-drill -Engine Local } | Should -Throw -ErrorId 'ScenarioNotFound,Ride.Cmdlets.StartRideScenarioCommand' -PassThru
        $record.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $record.TargetObject | Should -Be 'stage-99/99-no-such-drill'
        { Get-RideScenario stage-99/99 } | Should -Throw -ErrorId 'ScenarioNotFound,Ride.Cmdlets.GetRideScenarioCommand'
        { ride postgres start stage-99/99 --engine local } | Should -Throw -ErrorId 'ScenarioNotFound,Ride.Cmdlets.InvokeRideCommand'
        @(Get-RideSession | Where-Object SessionId -notin $sessionsBefore) | Should -BeNullOrEmpty
    }

    It 'fails with InvalidScenarioId and ScenarioExists from New-RideScenario' {
        $root = Join-Path $TestDrive 'authoring'
        $record = { New-RideScenario 'not a scenario id' -Path $root } | Should -Throw -ErrorId 'InvalidScenarioId,Ride.Cmdlets.NewRideScenarioCommand' -PassThru
        $record.CategoryInfo.Category | Should -Be 'InvalidArgument'
        (New-RideScenario stage-42/01-native-check -Path $root).Id | Should -Be 'stage-42/01-native-check'
        $record = { New-RideScenario stage-42/01-native-check -Path $root } | Should -Throw -ErrorId 'ScenarioExists,Ride.Cmdlets.NewRideScenarioCommand' -PassThru
        $record.CategoryInfo.Category | Should -Be 'ResourceExists'
    }
}
