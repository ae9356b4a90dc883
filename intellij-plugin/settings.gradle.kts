// Gradle build of the installable IntelliJ plugin (the Maven build only compile-checks the glue here; see
// docs/intellij.md). Needs Gradle 9 (the IntelliJ Platform Gradle Plugin 2.x requires it), Java 21, and access to
// the Gradle Plugin Portal, Maven Central and JetBrains' IntelliJ repositories.
//   cd intellij-plugin && gradle :plugin:buildPlugin     ->  plugin/build/distributions/openkb-intellij-<version>.zip
pluginManagement {
    repositories {
        gradlePluginPortal()
        mavenCentral()
    }
}

rootProject.name = "openkb-intellij"
include("client-core", "plugin")
