// Builds the installable plugin zip: the glue in src/main/java (also compile-checked by Maven against Debian's
// IntelliJ 2018.3 jars) plus src/main/ide-only (needs a current SDK), client-core, LSP4J, Gson, and the server
// jar in <plugin>/server/. Requires the server jar to be built first: mvn -pl server package -DskipTests.
import org.jetbrains.intellij.platform.gradle.tasks.PrepareSandboxTask

plugins {
    java
    id("org.jetbrains.intellij.platform") version "2.19.0"
}

repositories {
    mavenCentral()
    intellijPlatform {
        defaultRepositories()
    }
}

sourceSets {
    main {
        java.srcDirs("src/main/java", "src/main/ide-only")
    }
    test {
        // The Maven build runs these (against the Debian jars); they need no IDE.
        java.setSrcDirs(emptyList<String>())
    }
}

dependencies {
    intellijPlatform {
        intellijIdea("2025.3.2")
        bundledPlugin("org.intellij.plugins.markdown")
    }
    implementation(project(":client-core"))
    // Bundled in the plugin's lib/: our own LSP4J client, not LSP4IJ's (the plugin does not depend on LSP4IJ).
    implementation("org.eclipse.lsp4j:org.eclipse.lsp4j:1.0.0")
    implementation("com.google.code.gson:gson:2.13.2")
}

intellijPlatform {
    // Names the sandbox folder and the zip: build/distributions/OpenKB-<version>.zip holding OpenKB/lib, OpenKB/server.
    projectName = "OpenKB"
    pluginConfiguration {
        id = "dev.openkb.intellij"
        name = "OpenKB"
        version = project.version.toString()
        ideaVersion {
            sinceBuild = "253"
        }
    }
    buildSearchableOptions = false
}

val serverJar = layout.projectDirectory.file("../../server/target/openkb.jar")

tasks.named<PrepareSandboxTask>("prepareSandbox") {
    inputs.file(serverJar)
    from(serverJar) {
        into(pluginName.map { "$it/server" })
    }
}
