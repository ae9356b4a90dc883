package dev.openkb;
class Placeholder {}
