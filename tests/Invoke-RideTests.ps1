<#
.SYNOPSIS
    Runs the Pester suite in this (fresh) process and writes a small JSON summary for build.ps1.
#>
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $SummaryPath,
    # Test files or folders, comma-separated.
    [Parameter(Mandatory)] [string] $Path
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force

# Tests never touch the user's real state: every run gets its own RIDE_HOME.
$env:RIDE_HOME = Join-Path ([IO.Path]::GetTempPath()) ("ride-test-" + [Guid]::NewGuid().ToString('N').Substring(0, 8))
New-Item -ItemType Directory -Path $env:RIDE_HOME | Out-Null

$configuration = New-PesterConfiguration
$configuration.Run.Path = @($Path -split ',' | Where-Object { $_ })
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
try {
    $result = Invoke-Pester -Configuration $configuration
    $summary = if ($null -eq $result) {
        @{ Passed = 0; Failed = 1; Skipped = 0 }
    } else {
        # What failed travels with the counts, so the end of a long log names it next to the summary line.
        $failures = @(@($result.Failed) | ForEach-Object { '{0}: {1}' -f $_.ExpandedPath, (($_.ErrorRecord | Select-Object -First 1) -as [string]) }) +
            @(@($result.FailedBlocks) + @($result.FailedContainers) | ForEach-Object { '{0}: {1}' -f $_.Name, (($_.ErrorRecord | Select-Object -First 1) -as [string]) })
        @{ Passed = $result.PassedCount; Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount; Skipped = $result.SkippedCount; Failures = $failures }
    }
    $summary | ConvertTo-Json | Set-Content -Path $SummaryPath
} finally {
    Import-Module $env:RIDE_MODULE_PATH -Force
    Get-RideSession -ErrorAction Ignore | Stop-RideScenario -Confirm:$false -ErrorAction Continue
    Remove-Item -Recurse -Force $env:RIDE_HOME -ErrorAction Ignore
}
