// Same sources and dependencies as client-core/pom.xml; the Maven build is the one that runs its tests (they need
// server/target/openkb.jar built by the server module).
plugins {
    `java-library`
}

repositories {
    mavenCentral()
}

dependencies {
    // provided scope in Maven: the plugin bundles LSP4J and Gson itself.
    compileOnly("org.eclipse.lsp4j:org.eclipse.lsp4j:1.0.0")
    compileOnly("com.google.code.gson:gson:2.13.2")
}

tasks.test { enabled = false }
