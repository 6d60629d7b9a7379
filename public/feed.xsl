<?xml version="1.0" encoding="UTF-8"?>
<!--
  The Dateline's feed stylesheet: a human-readable view of an RSS 2.0 or Atom 1.0 feed when
  it is opened in a browser. Feed readers ignore it. It loads nothing from elsewhere: its styles
  are /feed.css (not inline: the Content-Security-Policy header allows no inline style) and the
  only links are the feed's own.
-->
<xsl:stylesheet version="1.0"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:atom="http://www.w3.org/2005/Atom"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  exclude-result-prefixes="atom dc">
  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>

  <xsl:variable name="isAtom" select="boolean(/atom:feed)"/>
  <xsl:variable name="title" select="/rss/channel/title | /atom:feed/atom:title"/>
  <xsl:variable name="description" select="/rss/channel/description | /atom:feed/atom:subtitle"/>
  <xsl:variable name="home" select="/rss/channel/link | /atom:feed/atom:link[@rel='alternate']/@href"/>
  <xsl:variable name="self" select="/rss/channel/atom:link[@rel='self']/@href | /atom:feed/atom:link[@rel='self']/@href"/>
  <xsl:variable name="lang" select="/rss/channel/language | /atom:feed/@xml:lang"/>

  <xsl:template match="/">
    <html lang="{$lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="color-scheme" content="light dark"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="$title"/> (web feed)</title>
        <link rel="stylesheet" href="/feed.css"/>
      </head>
      <body>
        <header class="masthead"><div class="wrap"><a class="site-name" href="{$home}"><xsl:value-of select="$title"/></a></div></header>
        <main class="wrap">
          <h1><xsl:value-of select="$title"/></h1>
          <p><xsl:value-of select="$description"/></p>
          <div class="about">
            <p><strong>This is a web feed</strong> (<xsl:choose><xsl:when test="$isAtom">Atom</xsl:when><xsl:otherwise>RSS</xsl:otherwise></xsl:choose>). To follow it, copy its address into your feed reader:</p>
            <p><code><xsl:value-of select="$self"/></code></p>
            <p><a href="{$home}">Read these stories on the website</a></p>
          </div>
          <ol>
            <xsl:apply-templates select="/rss/channel/item | /atom:feed/atom:entry"/>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="item">
    <li>
      <xsl:if test="category"><span class="kicker"><xsl:value-of select="category[1]"/></span></xsl:if>
      <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
      <p><xsl:value-of select="description"/></p>
      <p class="meta">
        <xsl:if test="dc:creator">By <xsl:value-of select="dc:creator[1]"/> · </xsl:if>
        <xsl:value-of select="pubDate"/>
      </p>
    </li>
  </xsl:template>

  <xsl:template match="atom:entry">
    <li>
      <xsl:if test="atom:title/@xml:lang"><xsl:attribute name="lang"><xsl:value-of select="atom:title/@xml:lang"/></xsl:attribute></xsl:if>
      <xsl:if test="atom:category"><span class="kicker"><xsl:value-of select="atom:category[1]/@term"/></span></xsl:if>
      <h2><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
      <p><xsl:value-of select="atom:summary"/></p>
      <p class="meta">
        <xsl:if test="atom:author">By <xsl:value-of select="atom:author[1]/atom:name"/> · </xsl:if>
        <time datetime="{atom:published}"><xsl:value-of select="atom:published"/></time>
      </p>
    </li>
  </xsl:template>
</xsl:stylesheet>
