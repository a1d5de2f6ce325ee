package se.stegvis.survey;

/** The person's own view, asked at exit and again at the follow-up 6–12 months later. */
public enum Survey { EXIT, FOLLOW_UP }
