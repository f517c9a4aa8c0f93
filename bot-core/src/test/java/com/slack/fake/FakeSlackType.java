package com.slack.fake;

/** Stands in for a Slack SDK class so the boundary test can prove it notices a leak. */
public class FakeSlackType {}
